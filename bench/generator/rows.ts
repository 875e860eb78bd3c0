import type { SimulatedCase } from './order-to-cash.ts';

/** One line of output as text, before it is written as CSV or XES. Empty text means missing. */
export interface OutputRow {
  caseId: string;
  activity: string;
  timestamp: string;
  resource: string;
  amount: string;
  region: string;
  start: string;
}

export function rowsOfCase(c: SimulatedCase): OutputRow[] {
  const rows: OutputRow[] = [];
  const amount = c.amount.toFixed(2);
  for (let i = 0; i < c.activities.length; i++) {
    rows.push({
      caseId: c.id,
      activity: c.activities[i],
      timestamp: formatTimestamp(c.times[i], c.region.offsetMinutes, c.region.offset),
      resource: c.resources[i],
      amount,
      region: c.region.name,
      start: formatTimestamp(c.starts[i], c.region.offsetMinutes, c.region.offset),
    });
  }
  return rows;
}

/** ISO 8601 local time with its offset, whole seconds: `2022-03-04T10:11:12+01:00`. */
export function formatTimestamp(ms: number, offsetMinutes: number, offset: string): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19) + offset;
}
