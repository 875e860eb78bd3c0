/** Filters (masks), segments, periods, time zones, overrides and bad requests, on the hand-worked log of measures-log.fixture.ts. */
import { describe, expect, it } from 'vitest';
import { logFromTraces, type TestEvent } from '../analysis/logs.fixture.ts';
import { InputError } from '../errors.ts';
import { casesOfPeriod, computeMeasure, type MeasureOptions } from './compute-measure.ts';
import { departmentsLog, measuresLog } from './measures-log.fixture.ts';
import { measureReport } from './measure-report.ts';
import type { Measure, MeasuresFile } from './measure-types.ts';
import { defaultMeasures } from './workspace-measures.ts';

const log = measuresLog();

function run(name: string, options: MeasureOptions = {}, edit: (f: MeasuresFile) => void = () => {}) {
  const file = defaultMeasures();
  edit(file);
  return computeMeasure(log, file, name, options);
}

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an input error');
}

describe('filters in force (case mask)', () => {
  it('leaves out the cases the mask drops: without C, cycle times 6, 10 | 20, 20', () => {
    const mask = Uint8Array.from([1, 1, 0, 1, 1, 1]);
    const result = run('cycle_time', { mask });
    expect(result.chart.input).toEqual({
      kind: 'variables',
      subgroups: [
        [6, 10],
        [20, 20],
      ],
      labels: ['2024-01-01', '2024-01-08'],
    });
    expect(result.summary.value).toBe(14);
    // A dropped running case F takes its Check wait (5 h) with it.
    expect(run('waiting_time', { activity: 'Check', mask: Uint8Array.from([1, 1, 1, 1, 1, 0]) }).summary.value).toBe(
      13 / 5,
    );
  });

  it('a mask that keeps no case gives empty series, not an error', () => {
    const result = run('cycle_time', { mask: new Uint8Array(6) });
    expect(result.summary).toMatchObject({ value: null, median: null, n: 0, series: [] });
    expect(result.chart.input).toEqual({ kind: 'variables', subgroups: [], labels: [] });
    expect(run('throughput', { mask: new Uint8Array(6) }).summary.value).toBeNull();
  });

  it('refuses a mask of the wrong length', () => {
    expect(inputError(() => run('cycle_time', { mask: new Uint8Array(3) })).message).toMatch(
      /3 entries; the log has 6 cases/,
    );
  });
});

describe('running cases', () => {
  it('count once their last activity is chosen as an end: F (190→195) joins with 5 hours', () => {
    const result = run('cycle_time', {}, (f) => (f.parameters.endActivities = ['Close', 'Check']));
    expect(result.completion).toMatchObject({ source: 'chosen', completedCases: 6, runningCases: 0 });
    expect(Array.from(result.units.value)).toEqual([6, 10, 12, 20, 20, 5]);
  });

  it('a chosen end activity must exist in the log', () => {
    expect(inputError(() => run('cycle_time', {}, (f) => (f.parameters.endActivities = ['Done']))).message).toContain(
      '"Done" does not occur',
    );
  });
});

describe('segments (split by a case attribute)', () => {
  it('cycle time by channel: web A 6, C 12, E 20; phone B 10, D 20', () => {
    const result = run('cycle_time', { segmentBy: 'channel' });
    expect(result.segments?.values.map((s) => ({ segment: s.segment, n: s.n, value: s.value }))).toEqual([
      { segment: 'web', n: 3, value: 38 / 3 },
      { segment: 'phone', n: 2, value: 15 },
    ]);
    expect(result.segments?.values[0].series.map((s) => s.value)).toEqual([9, 20]);
  });

  it('throughput by channel counts completions per period per segment', () => {
    const result = run('throughput', { segmentBy: 'channel' });
    expect(result.segments?.values.map((s) => [s.segment, s.series.map((p) => p.value)])).toEqual([
      ['web', [2, 1]],
      ['phone', [1, 1]],
    ]);
  });

  it('shows the 50 largest segments and pools the rest, each with its own median', () => {
    // Case k lasts k+1 minutes. Cases 0..51 have tags t0..t51; cases 52..59 also t0.
    const traces: Record<string, TestEvent[]> = {};
    const tags: Record<string, Record<string, string>> = {};
    for (let k = 0; k < 60; k++) {
      traces[`c${k}`] = [
        { activity: 'a', at: 0 },
        { activity: 'b', at: k + 1 },
      ];
      tags[`c${k}`] = { tag: `t${k < 52 ? k : 0}` };
    }
    const file = defaultMeasures();
    file.measures[0].unit = 'minutes';
    const segments = computeMeasure(logFromTraces(traces, tags), file, 'cycle_time', { segmentBy: 'tag' }).segments!
      .values;
    expect(segments).toHaveLength(51);
    // t0: 1, 53, 54, …, 60 minutes.
    expect(segments[0]).toMatchObject({ segment: 't0', n: 9, median: 56, value: 453 / 9 });
    // The one-case segments in name order (t1, t10, …, t9): the last two, t8 and t9, are pooled.
    expect(segments[1].segment).toBe('t1');
    expect(segments[50]).toMatchObject({ segment: '(other values)', n: 2, median: 9.5, value: 9.5 });
  });

  it('names the attributes there are when the split attribute is unknown', () => {
    expect(inputError(() => run('cycle_time', { segmentBy: 'region' })).details.hint).toContain('channel');
  });
});

describe('periods', () => {
  it('by day: one chart point per day with values', () => {
    const result = run('cycle_time', { period: 'day' });
    expect(result.chart.input).toEqual({
      kind: 'variables',
      subgroups: [[6], [10], [12], [20, 20]],
      labels: ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-08'],
    });
    expect(result.summary.series).toHaveLength(8);
  });

  it('by month: everything in January', () => {
    expect(run('cycle_time', { period: 'month' }).chart.input).toEqual({
      kind: 'variables',
      subgroups: [[6, 10, 12, 20, 20]],
      labels: ['2024-01-01'],
    });
  });

  it('in New York time D completes on Sunday 21:00, still week 1', () => {
    const result = run('cycle_time', { timeZone: 'America/New_York' });
    expect(result.chart.input).toEqual({
      kind: 'variables',
      subgroups: [[6, 10, 12, 20], [20]],
      labels: ['2024-01-01', '2024-01-08'],
    });
    expect(result.timeZone).toBe('America/New_York');
  });

  it('refuses an unknown time zone', () => {
    expect(inputError(() => run('cycle_time', { timeZone: 'Mars/Olympus' })).message).toContain('Unknown time zone');
  });
});

describe('as plain JSON for a transport', () => {
  it("drops the typed arrays unless units are asked for, then names each value's case and period", () => {
    const result = run('waiting_time', { activity: 'Check' });
    const plain = measureReport(result, log.caseIds);
    expect(JSON.parse(JSON.stringify(plain))).toEqual(plain);
    expect('units' in plain).toBe(false);
    const withUnits = measureReport(result, log.caseIds, { units: true });
    expect(withUnits.units?.map((u) => [u.case, u.value, u.period])).toEqual([
      ['A', 2, '2024-01-01'],
      ['B', 2, '2024-01-01'],
      ['B', 4, '2024-01-01'],
      ['C', 3, '2024-01-01'],
      ['E', 2, '2024-01-08'],
      ['F', 5, '2024-01-08'],
    ]);
    expect(withUnits.unitChartInput).toMatchObject({ kind: 'variables', subgroups: [[2], [2], [4], [3], [2], [5]] });
  });
});

describe('from a chart point back to its cases', () => {
  it('week 2 of waiting time before Check holds cases E and F', () => {
    const result = run('waiting_time', { activity: 'Check' });
    expect(Array.from(casesOfPeriod(result, 1), (c) => log.caseIds[c])).toEqual(['E', 'F']);
  });
});

describe('user-defined measures from the same building blocks', () => {
  const custom: Measure[] = [
    {
      name: 'phone_share',
      title: 'Phone orders',
      unit: 'share',
      definition: { block: 'case_share', condition: { attribute: 'channel', values: ['phone'] } },
      chart: { byPeriod: 'p' },
      sentence: 'Share of completed cases that came in by phone.',
    },
    {
      name: 'quick_clean',
      title: 'Quick and clean',
      unit: 'share',
      definition: {
        block: 'case_share',
        condition: { all: [{ within: { value: 12, unit: 'hours' } }, { not: { contains: ['Escalate'] } }] },
      },
      chart: { byPeriod: 'p' },
      sentence: 'Share of completed cases done within 12 hours without an escalation.',
    },
    {
      name: 'dept_handoff',
      title: 'Hand-off between departments',
      unit: 'minutes',
      definition: { block: 'handoff_latency', attribute: 'dept' },
      chart: { byPeriod: 'xbar-s' },
      sentence: 'Wait when a case passes from one department to another.',
    },
  ];
  const file = defaultMeasures();
  file.measures.push(...custom);

  it('a case attribute condition: phone cases B and D', () => {
    expect(computeMeasure(log, file, 'phone_share').summary.value).toBe(2 / 5);
  });

  it('combined conditions: within 12 h (A, B, C) and not escalated (drops C)', () => {
    expect(computeMeasure(log, file, 'quick_clean').chart.input).toMatchObject({ counts: [2, 0], sizes: [3, 2] });
  });

  it('hand-off by an event attribute: S → F once, b ended at 1 h, c at 3 h', () => {
    expect(Array.from(computeMeasure(departmentsLog(), file, 'dept_handoff').units.value)).toEqual([120]);
  });
});

describe('bad requests', () => {
  it('an unknown measure lists the known ones', () => {
    expect(inputError(() => run('lead_time')).details.hint).toContain('cycle_time, waiting_time');
  });

  it('a chart that does not fit the data', () => {
    expect(inputError(() => run('cycle_time', { chart: 'p' })).message).toBe('The p chart does not fit cycle_time.');
  });

  it('--activity where the measure has no activity parameter, or an unknown activity', () => {
    expect(inputError(() => run('cycle_time', { activity: 'Check' })).message).toContain(
      'cycle_time has no activity parameter',
    );
    expect(inputError(() => run('first_time_right', { activity: 'Check' })).message).toContain('more than one');
    expect(inputError(() => run('waiting_time', { activity: 'Ship' })).message).toContain('"Ship" does not occur');
  });

  it('escalations or exceptions that nothing in the log looks like are an error, not a rate of zero; [] chosen means none', () => {
    const departments = departmentsLog();
    expect(inputError(() => computeMeasure(departments, defaultMeasures(), 'escalation_rate')).details.hint).toBe(
      'Choose the escalation activities in the measures’ parameters, or say that this process has none.',
    );
    expect(inputError(() => computeMeasure(departments, defaultMeasures(), 'exception_frequency')).message).toContain(
      'No activity looks like an exception',
    );
    expect(inputError(() => computeMeasure(departments, defaultMeasures(), 'first_time_right')).message).toContain(
      'No activity looks like an exception',
    );
    const none = defaultMeasures();
    none.parameters.escalationActivities = [];
    none.parameters.exceptionActivities = [];
    expect(computeMeasure(departments, none, 'escalation_rate').summary.value).toBe(0);
    expect(computeMeasure(departments, none, 'exception_frequency').summary.value).toBe(0);
    expect(computeMeasure(departments, none, 'first_time_right').summary.value).toBe(1);
    // Rework over no activities: B and E repeat activities, but none of the chosen (none).
    expect(run('rework_rate', {}, (f) => (f.parameters.reworkActivities = [])).summary.value).toBe(0);
  });

  it('a defect rate with no defect in sight says what to set', () => {
    const error = inputError(() => computeMeasure(departmentsLog(), defaultMeasures(), 'defect_rate'));
    expect(error.details.hint).toMatch(/^Choose the defect activities.*measures’ parameters/);
  });
});
