import type { AttributeType } from '../../../preload/api.ts';
import { EventLogBuilder, type RawValue } from '../eventlog/index.ts';
import type { EventLog } from '../eventlog/index.ts';

/** Minutes after 2024-01-01T00:00Z, so hand-written logs read as small numbers. */
export const T0 = Date.UTC(2024, 0, 1);
export const min = (m: number): number => T0 + m * 60_000;

export type TestRow = [
  caseId: string,
  activity: string,
  minute: number,
  resource?: string | null,
  attributes?: Record<string, RawValue>,
];

/**
 * A log from rows in file order. Row k becomes source line k + 2 (line 1 is the header), as a
 * CSV importer would number it. Times are minutes after T0 unless `absolute` is set.
 */
export function buildLog(
  rows: TestRow[],
  options: { absolute?: boolean; attributeTypes?: Record<string, AttributeType> } = {},
): EventLog {
  const builder = new EventLogBuilder();
  const types = options.attributeTypes ?? {};
  rows.forEach(([caseId, activity, time, resource, attributes], k) => {
    builder.addEvent(caseId, activity, options.absolute ? time : min(time), resource ?? null, k + 2);
    for (const [name, value] of Object.entries(attributes ?? {})) {
      const type = types[name] ?? (typeof value === 'number' ? 'number' : 'string');
      builder.setEventAttribute(builder.eventAttribute(name, type), value, type);
    }
  });
  return builder.finish();
}

/** `n` cases that each run the activities in order, one minute apart, case ids prefixed. */
export function repeatCases(prefix: string, n: number, activities: string[], startMinute = 0): TestRow[] {
  const rows: TestRow[] = [];
  for (let c = 0; c < n; c++) activities.forEach((a, i) => rows.push([`${prefix}${c}`, a, startMinute + c * 100 + i]));
  return rows;
}
