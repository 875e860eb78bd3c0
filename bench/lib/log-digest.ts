import type { EventLog } from '../../main/engine/eventlog/event-log.ts';

/**
 * A few figures that two ways of building the same event log must agree on: counts, and sums
 * over whole columns (the builder sorts both logs the same way, so equal inputs give equal sums).
 * Used to check that a library-based build and Gemba's own parser read the same file alike.
 */
export interface LogDigest {
  events: number;
  cases: number;
  activities: number;
  resources: number;
  /** Sum of all timestamps in seconds: one wrong or missing timestamp changes it. */
  timestampSecondsSum: number;
  /** Sum of activity codes per position: the order of activities within the log. */
  activityCodeSum: number;
  eventAttributes: string[];
  caseAttributes: string[];
  /** Per numeric attribute column, the sum of its values (NaN skipped). */
  numericSums: Record<string, number>;
}

export function logDigest(log: EventLog): LogDigest {
  let timestampSecondsSum = 0;
  let activityCodeSum = 0;
  for (let i = 0; i < log.eventCount; i++) {
    timestampSecondsSum += log.timestamp[i] / 1000;
    activityCodeSum += log.activity[i] * ((i % 7) + 1);
  }
  const numericSums: Record<string, number> = {};
  for (const col of [...log.eventAttributes, ...log.caseAttributes]) {
    if (col.type === 'string') continue;
    let sum = 0;
    for (const v of col.values) if (v === v) sum += v;
    numericSums[col.name] = Math.round(sum * 100) / 100;
  }
  return {
    events: log.eventCount,
    cases: log.caseCount,
    activities: log.activities.length,
    resources: log.resources.length,
    timestampSecondsSum,
    activityCodeSum,
    eventAttributes: log.eventAttributes.map((c) => `${c.name}:${c.type}`),
    caseAttributes: log.caseAttributes.map((c) => `${c.name}:${c.type}`),
    numericSums,
  };
}

/** The names of the digest fields on which `a` and `b` differ (empty when they agree). */
export function digestDifferences(a: LogDigest, b: LogDigest): string[] {
  return (Object.keys(a) as (keyof LogDigest)[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}
