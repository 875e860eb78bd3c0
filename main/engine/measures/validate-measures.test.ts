import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { defaultMeasures } from './workspace-measures.ts';
import { validateMeasures } from './validate-measures.ts';
import type { Measure, MeasuresFile } from './measure-types.ts';

function problemOf(data: unknown, text?: string): InputError {
  try {
    validateMeasures(data, { file: 'measures.json', text });
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected the schema to be refused');
}

const ISSUE_TABLE: Record<string, { block: string; chart: string }> = {
  cycle_time: { block: 'case_duration', chart: 'xbar-s' },
  waiting_time: { block: 'waiting_time', chart: 'xbar-s' },
  handoff_latency: { block: 'handoff_latency', chart: 'xbar-s' },
  throughput: { block: 'cases_completed', chart: 'imr' },
  defect_rate: { block: 'case_share', chart: 'p' },
  rework_rate: { block: 'case_share', chart: 'p' },
  exception_frequency: { block: 'event_count', chart: 'u' },
  escalation_rate: { block: 'case_share', chart: 'p' },
  sla_adherence: { block: 'case_share', chart: 'p' },
  first_time_right: { block: 'case_share', chart: 'p' },
};

describe('the shipped measurement schema', () => {
  it('is valid and has every measure of the issue table with its default chart and a sentence', () => {
    const file = defaultMeasures();
    expect(file.schemaVersion).toBe(1);
    expect(file.measures.map((m) => m.name).sort()).toEqual(Object.keys(ISSUE_TABLE).sort());
    for (const m of file.measures) {
      expect(m.definition.block, m.name).toBe(ISSUE_TABLE[m.name].block);
      expect(m.chart.byPeriod, m.name).toBe(ISSUE_TABLE[m.name].chart);
      expect(m.sentence.length, m.name).toBeGreaterThan(20);
    }
    expect(file.measures.find((m) => m.name === 'cycle_time')!.chart.byUnit).toBe('imr');
    expect(file.measures.find((m) => m.name === 'defect_rate')!.chart.alternatives).toContain('laney-p');
    expect(file.measures.find((m) => m.name === 'exception_frequency')!.chart.alternatives).toContain('laney-u');
  });
});

describe('a user-defined measure from the same building blocks', () => {
  it('is accepted', () => {
    const file = defaultMeasures();
    const approvalWait: Measure = {
      name: 'approval_wait_days',
      title: 'Wait for approval',
      unit: 'days',
      definition: { block: 'waiting_time', activity: 'Approve' },
      chart: { byPeriod: 'xbar-r' },
      sentence: 'Days an order waits before it is approved.',
    };
    const fastAndClean: Measure = {
      name: 'fast_and_clean',
      title: 'Fast and clean',
      unit: 'share',
      definition: {
        block: 'case_share',
        condition: {
          all: [
            { within: { value: 2, unit: 'days' } },
            { not: { attribute: 'channel', values: ['phone'] } },
            { not: { repeats: ['Check'] } },
          ],
        },
      },
      chart: { byPeriod: 'laney-p' },
      sentence: 'Share of cases done within two days, not by phone, without a second check.',
    };
    file.measures.push(approvalWait, fastAndClean);
    expect(validateMeasures(file).measures).toHaveLength(12);
  });
});

describe('a bad schema is refused in plain words', () => {
  const broken = (change: (f: MeasuresFile & Record<string, unknown>) => void) => {
    const file = defaultMeasures() as MeasuresFile & Record<string, unknown>;
    change(file);
    return file;
  };

  it('names the measure and the field, and what is allowed', () => {
    const error = problemOf(broken((f) => (f.measures[1].unit = 'hour' as never)));
    expect(error.message).toContain('measure "waiting_time", field unit: must be one of');
    expect(error.message).toContain('found "hour"');
  });

  it('names a missing field and an unknown one', () => {
    expect(problemOf(broken((f) => delete (f.measures[2] as Partial<Measure>).sentence)).message).toContain(
      'measure "handoff_latency": the field "sentence" is missing',
    );
    const unknown = problemOf(broken((f) => ((f.measures[0].definition as Record<string, unknown>).form = 'A')));
    expect(unknown.message).toContain(
      'measure "cycle_time", field definition.form: unknown field "form" (allowed here: block, from, to)',
    );
  });

  it('says what a condition may look like', () => {
    const error = problemOf(
      broken(
        (f) =>
          (f.measures[4].definition = { block: 'case_share', condition: { has: 'defect', contains: ['X'] } as never }),
      ),
    );
    expect(error.message).toContain(
      'measure "defect_rate", field definition.condition: must be a condition with exactly one of the fields has, contains',
    );
    const nested = problemOf(
      broken(
        (f) =>
          (f.measures[9].definition = {
            block: 'case_share',
            condition: { not: { any: [{ has: 'rework' }, { has: 'exeption' }] } } as never,
          }),
      ),
    );
    expect(nested.message).toContain(
      'field definition.condition.not.any[1].has: must be one of "defect", "rework", "exception", "escalation", "sla_met"; found "exeption"',
    );
  });

  it('refuses a chart that does not fit the data, and a unit that does not fit the block', () => {
    expect(problemOf(broken((f) => (f.measures[3].chart.byPeriod = 'p'))).message).toContain(
      'measure "throughput", field chart.byPeriod: a cases_completed measure (per period) is charted with imr, c, ewma, cusum, not "p"',
    );
    expect(problemOf(broken((f) => (f.measures[4].unit = 'hours'))).message).toContain(
      'measure "defect_rate", field unit: a case_share measure is in "share", not "hours"',
    );
    expect(problemOf(broken((f) => (f.measures[0].chart.byPeriod = 'xbar' as never))).message).toContain(
      'field chart.byPeriod: must be one of "imr", "xbar-r"',
    );
  });

  it('refuses duplicate names, another schema version and a bad calendar', () => {
    expect(problemOf(broken((f) => (f.measures[1].name = 'cycle_time'))).message).toContain(
      'measure "cycle_time", field name: the name is already used by measure number 1',
    );
    expect(problemOf(broken((f) => (f.schemaVersion = 2 as never))).message).toContain(
      'field schemaVersion: this Gemba reads schema version 1; found 2',
    );
    const calendar = problemOf(
      broken((f) => (f.parameters.slaCalendar = { weekdays: [1, 2], startHour: 17, endHour: 8 })),
    );
    expect(calendar.message).toContain('field parameters.slaCalendar: Working calendar: startHour and endHour');
  });

  it('points at the line of the first problem in the file', () => {
    const file = broken((f) => (f.measures[1].unit = 'hour' as never));
    const text = JSON.stringify(file, null, 2);
    const line = text.split('\n').findIndex((l) => l.includes('"unit": "hour"')) + 1;
    expect(line).toBeGreaterThan(10);
    expect(problemOf(file, text).details.line).toBe(line);
  });
});
