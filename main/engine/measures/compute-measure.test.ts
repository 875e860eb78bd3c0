/**
 * Every measure of the shipped schema on the six-case log of measures-log.fixture.ts; each
 * expected value is worked out by hand in the comments from the event times listed there.
 */
import { describe, expect, it } from 'vitest';
import { unitChartInput } from './chart-input.ts';
import { computeMeasure, type MeasureOptions } from './compute-measure.ts';
import { measuresLog } from './measures-log.fixture.ts';
import type { MeasuresFile } from './measure-types.ts';
import { defaultMeasures } from './workspace-measures.ts';

const log = measuresLog();
const WEEKS = ['2024-01-01', '2024-01-08'];

function run(name: string, options: MeasureOptions = {}, edit: (f: MeasuresFile) => void = () => {}) {
  const file = defaultMeasures();
  edit(file);
  return computeMeasure(log, file, name, options);
}

function caseIds(indices: ArrayLike<number>): string[] {
  return Array.from(indices, (c) => log.caseIds[c]);
}

describe('completed and running cases', () => {
  it('infers Close as the end activity (closes 5 of 6 cases, never followed); F is running', () => {
    const result = run('cycle_time');
    expect(result.completion).toMatchObject({
      endActivities: ['Close'],
      source: 'inferred',
      completedCases: 5,
      runningCases: 1,
    });
    expect(caseIds(result.units.caseIndex)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });
});

describe('cycle_time: first event to last event of each completed case, in hours', () => {
  it('per case, per ISO week (D starts in week 1 and completes on Monday of week 2), over the log', () => {
    const result = run('cycle_time');
    // A 0→6, B 24→34, C 48→60, D 150→170, E 170→190.
    expect(Array.from(result.units.value)).toEqual([6, 10, 12, 20, 20]);
    expect(result.chart.input).toEqual({
      kind: 'variables',
      subgroups: [
        [6, 10, 12],
        [20, 20],
      ],
      labels: WEEKS,
    });
    expect(result.summary.value).toBeCloseTo(68 / 5, 12);
    expect(result.summary.median).toBe(12);
    expect(result.summary.series.map((s) => s.value)).toEqual([28 / 3, 20]);
    expect(result.summary.trend.last).toBe(20);
    expect(result.summary.trend.change).toBeCloseTo(20 - 28 / 3, 12);
    expect(result.summary.trend.slopePerPeriod).toBeCloseTo(20 - 28 / 3, 12);
    // I-MR by case: one point per case in order of completion.
    expect(result.unitChart).toBe('imr');
    expect(unitChartInput(result.units).input).toEqual({
      kind: 'variables',
      subgroups: [[6], [10], [12], [20], [20]],
      labels: [
        '2024-01-01T06:00:00.000Z',
        '2024-01-02T10:00:00.000Z',
        '2024-01-03T12:00:00.000Z',
        '2024-01-08T02:00:00.000Z',
        '2024-01-08T22:00:00.000Z',
      ],
    });
  });

  it('between chosen start and end activities: Check → Close', () => {
    const result = run(
      'cycle_time',
      {},
      (f) => (f.measures[0].definition = { block: 'case_duration', from: 'Check', to: 'Close' }),
    );
    // A 2→6, B 26→34 (first Check), C 53→60, E 172→190; D has no Check.
    expect(Array.from(result.units.value)).toEqual([4, 8, 7, 18]);
  });

  it('in another unit: days', () => {
    const result = run('cycle_time', {}, (f) => (f.measures[0].unit = 'days'));
    expect(Array.from(result.units.value)).toEqual([6 / 24, 10 / 24, 12 / 24, 20 / 24, 20 / 24]);
  });
});

describe('waiting_time: end of the previous event to the start of this one', () => {
  it('before Check, running case F included (its waits are real)', () => {
    const result = run('waiting_time', { activity: 'Check' });
    // A 0→2, B 24→26, B 26→30, C 50→53 | E 170→172, F 190→195.
    expect(Array.from(result.units.value)).toEqual([2, 2, 4, 3, 2, 5]);
    expect(caseIds(result.units.caseIndex)).toEqual(['A', 'B', 'B', 'C', 'E', 'F']);
    expect(result.chart.input).toEqual({
      kind: 'variables',
      subgroups: [
        [2, 2, 4, 3],
        [2, 5],
      ],
      labels: WEEKS,
    });
    expect(result.summary.value).toBe(3);
  });

  it('uses the start time where the log has one: Approve started at 4, Check ended at 2', () => {
    expect(Array.from(run('waiting_time', { activity: 'Approve' }).units.value)).toEqual([2]);
  });
});

describe('handoff_latency: wait between consecutive events of different resources', () => {
  it('skips same-resource steps and counts the Sunday hand-off in week 1', () => {
    const result = run('handoff_latency');
    // A r1→r2 2, r2→r3 1 | B 2, 4 | C 2, 3, 7 | D r1→r4 10 (Sunday) | D r4→r3 10 (Monday), E r1→r4 8, r4→r3 9, F 5.
    expect(result.chart.input).toEqual({
      kind: 'variables',
      subgroups: [
        [2, 1, 2, 4, 2, 3, 7, 10],
        [10, 8, 9, 5],
      ],
      labels: WEEKS,
    });
    expect(result.summary.value).toBeCloseTo(63 / 12, 12);
    expect(result.summary.series.map((s) => s.value)).toEqual([31 / 8, 8]);
  });
});

describe('throughput: completed cases per period', () => {
  it('counts A, B, C in week 1 and D, E in week 2', () => {
    const result = run('throughput');
    expect(result.chart.input).toEqual({ kind: 'variables', subgroups: [[3], [2]], labels: WEEKS });
    expect(result.summary.value).toBe(2.5);
    expect(run('throughput', { chart: 'c' }).chart.input).toEqual({
      kind: 'attributes',
      counts: [3, 2],
      sizes: [1, 1],
      labels: WEEKS,
    });
  });

  it('per day, with zeros for days without completions', () => {
    const result = run('throughput', { period: 'day' });
    expect(result.summary.series.map((s) => [s.period, s.value])).toEqual([
      ['2024-01-01', 1],
      ['2024-01-02', 1],
      ['2024-01-03', 1],
      ['2024-01-04', 0],
      ['2024-01-05', 0],
      ['2024-01-06', 0],
      ['2024-01-07', 0],
      ['2024-01-08', 2],
    ]);
    expect(result.summary.value).toBe(5 / 8);
  });
});

describe('rates over completed cases (P charts: cases meeting the condition out of completed cases)', () => {
  it('defect_rate: Reject is suggested as the defect activity; D has it', () => {
    const result = run('defect_rate');
    expect(result.parameters.defect).toEqual({ activities: ['Reject'] });
    expect(result.parameters.sources.defect).toBe('suggested');
    // The tile says which activities it counted, since nobody chose them.
    expect(result.notes).toContain(
      'Defects here are "Reject": suggested because the name reads as a defect; choose others in the measures’ parameters.',
    );
    expect(result.chart.input).toEqual({ kind: 'attributes', counts: [0, 1], sizes: [3, 2], labels: WEEKS });
    expect(result.summary.value).toBe(1 / 5);
  });

  it('defect_rate by an attribute value: an event of B has outcome=scrap', () => {
    const result = run('defect_rate', {}, (f) => (f.parameters.defect = { attribute: 'outcome', values: ['scrap'] }));
    expect(result.chart.input).toMatchObject({ counts: [1, 0], sizes: [3, 2] });
  });

  it('rework_rate: B repeats Check, E repeats Escalate', () => {
    const result = run('rework_rate');
    expect(result.chart.input).toMatchObject({ counts: [1, 1], sizes: [3, 2] });
    expect(result.summary.value).toBe(2 / 5);
    expect(run('rework_rate', {}, (f) => (f.parameters.reworkActivities = ['Escalate'])).summary.value).toBe(1 / 5);
  });

  it('escalation_rate: C and E escalated', () => {
    const result = run('escalation_rate');
    expect(result.parameters.escalationActivities).toEqual(['Escalate']);
    expect(result.chart.input).toMatchObject({ counts: [1, 1], sizes: [3, 2] });
    expect(result.summary.value).toBe(2 / 5);
  });

  it('sla_adherence against 8 hours of wall-clock time: only A (6 h)', () => {
    const result = run('sla_adherence', {}, (f) => (f.parameters.slaTarget = { value: 8, unit: 'hours' }));
    expect(result.chart.input).toMatchObject({ counts: [1, 0], sizes: [3, 2] });
    expect(result.summary.value).toBe(1 / 5);
  });

  it('sla_adherence against 8 working hours (Mon–Fri 8–17 UTC): A 0 h, B 2 h, C 4 h, D 0 h (weekend), E 9 h', () => {
    const result = run('sla_adherence', {}, (f) => {
      f.parameters.slaTarget = { value: 8, unit: 'hours' };
      f.parameters.slaCalendar = { weekdays: [1, 2, 3, 4, 5], startHour: 8, endHour: 17, holidays: [] };
    });
    expect(result.chart.input).toMatchObject({ counts: [3, 1], sizes: [3, 2] });
    expect(result.summary.value).toBe(4 / 5);
  });

  it('sla_adherence suggests a target when none is set: the 90th percentile of 6, 10, 12, 20, 20 hours is 20 hours', () => {
    const result = run('sla_adherence');
    expect(result.parameters.slaTarget).toEqual({ value: 20, unit: 'hours' });
    expect(result.parameters.sources.slaTarget).toBe('suggested');
    expect(result.summary.value).toBe(1);
  });

  it('first_time_right: no rework (B, E) and no exception (C, D, E) leaves A', () => {
    const result = run('first_time_right');
    expect(result.chart.input).toMatchObject({ counts: [1, 0], sizes: [3, 2] });
    expect(result.summary.value).toBe(1 / 5);
  });
});

describe('exception_frequency: exception events per completed case (U chart)', () => {
  it('counts Escalate and Reject: C 1, D 1, E 2', () => {
    const result = run('exception_frequency');
    expect(result.parameters.exceptionActivities).toEqual(['Escalate', 'Reject']);
    expect(Array.from(result.units.value)).toEqual([0, 0, 1, 1, 2]);
    expect(result.chart.input).toEqual({ kind: 'attributes', counts: [1, 3], sizes: [3, 2], labels: WEEKS });
    expect(result.summary.value).toBe(4 / 5);
    expect(result.notes).toContain(
      'Exceptions here are "Escalate", "Reject": suggested because the names read as an exception; choose others in the measures’ parameters.',
    );
  });

  it('--activity narrows the exceptions to one activity', () => {
    expect(run('exception_frequency', { activity: 'Escalate' }).summary.value).toBe(3 / 5);
    expect(run('exception_frequency', { activity: 'Escalate' }).notes.join(' ')).not.toContain('suggested because');
  });
});
