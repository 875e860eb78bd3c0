/**
 * Event logs for tests, built with EventLogBuilder from a minimal independent reading of the
 * files (not the real CSV parser), so a parser bug cannot hide an analysis bug or vice versa.
 */
import { readFileSync } from 'node:fs';
import type { EventLog } from '../eventlog/index.ts';
import { EventLogBuilder } from '../eventlog/index.ts';

export const RUNNING_EXAMPLE_CSV = new URL('../../../../shared/data/running-example.csv', import.meta.url);

/** running-example.csv: plain comma-separated, no quotes, ISO-like times with offsets. */
export function runningExample(): EventLog {
  const lines = readFileSync(RUNNING_EXAMPLE_CSV, 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const col = (name: string) => header.indexOf(name);
  const builder = new EventLogBuilder();
  const costs = builder.eventAttribute('Costs', 'number');
  const creator = builder.caseAttribute('case:creator', 'string');
  lines.slice(1).forEach((line, k) => {
    const f = line.split(',');
    const ts = Date.parse(f[col('time:timestamp')].replace(' ', 'T'));
    builder.addEvent(f[col('case:concept:name')], f[col('concept:name')], ts, f[col('org:resource')], k + 2);
    builder.setEventAttribute(costs, Number(f[col('Costs')]), 'number');
    builder.setCaseAttribute(builder.caseIndex(f[col('case:concept:name')]), creator, f[col('case:creator')], 'string');
  });
  return builder.finish();
}

export interface TestEvent {
  activity: string;
  /** Minutes since 2024-01-01T00:00Z (a Monday). */
  at: number;
  resource?: string;
  startAt?: number;
  attributes?: Record<string, string | number>;
}

export const BASE_MS = Date.UTC(2024, 0, 1);

/** A log from traces written as activity letters or event objects; times default to one minute apart. */
export function logFromTraces(
  traces: Record<string, (string | TestEvent)[]>,
  caseAttributes: Record<string, Record<string, string | number>> = {},
): EventLog {
  const builder = new EventLogBuilder();
  let row = 1;
  for (const [caseId, events] of Object.entries(traces)) {
    events.forEach((e, k) => {
      const event: TestEvent = typeof e === 'string' ? { activity: e, at: k } : e;
      builder.addEvent(
        caseId,
        event.activity,
        BASE_MS + event.at * 60_000,
        event.resource ?? null,
        row++,
        event.startAt === undefined ? NaN : BASE_MS + event.startAt * 60_000,
      );
      for (const [name, value] of Object.entries(event.attributes ?? {})) {
        builder.setEventAttribute(
          builder.eventAttribute(name, typeof value === 'number' ? 'number' : 'string'),
          value,
          typeof value === 'number' ? 'number' : 'string',
        );
      }
    });
    for (const [name, value] of Object.entries(caseAttributes[caseId] ?? {})) {
      const type = typeof value === 'number' ? 'number' : 'string';
      builder.setCaseAttribute(builder.caseIndex(caseId), builder.caseAttribute(name, type), value, type);
    }
  }
  return builder.finish();
}
