import { ANOMALY_KINDS, BOTTLENECK, SHIFT, type AnomalyKind, type SimulatedCase } from './order-to-cash.ts';

/**
 * What a generated log is known to contain, counted while it is generated (never by reading the
 * file back), so that an importer and its analyses can be checked against it.
 *
 * Directly-follows edges and variants use events ordered by completion time within a case; the
 * generator never produces two events of a case at the same instant, so there are no ties.
 */
export interface EdgeTruth {
  from: string;
  to: string;
  count: number;
  /** Mean waiting time (completion to completion) in seconds. */
  meanSeconds: number;
  /** Median in seconds (mean of the two middle values for an even count); null above MEDIAN_EVENT_LIMIT. */
  medianSeconds: number | null;
}

export interface LogTruth {
  cases: number;
  events: number;
  activities: Record<string, number>;
  startActivities: Record<string, number>;
  endActivities: Record<string, number>;
  timeRange: [string, string];
  dfg: EdgeTruth[];
  variants: { activities: string[]; count: number }[];
  anomalies: {
    counts: Record<AnomalyKind, number>;
    cases: { caseId: string; kind: AnomalyKind }[];
    rules: Record<AnomalyKind, string>;
    /** Longest duration of a case that is not an extreme-duration anomaly, and the shortest of those that are. */
    longestNormalCaseSeconds: number;
    shortestExtremeCaseSeconds: number | null;
  };
  bottleneck: {
    from: string;
    to: string;
    designMeanHours: number;
    meanSeconds: number;
    count: number;
    nextSlowestEdge: { from: string; to: string; meanSeconds: number } | null;
  };
  shift: {
    date: string;
    casesBefore: number;
    casesAfter: number;
    newActivity: string;
    casesWithNewActivity: number;
    casesWithNewActivityBeforeShift: number;
    slowerActivity: string;
    /** Mean of all waits into the slower activity (any predecessor), by case start before / after the shift. */
    meanWaitSecondsBefore: number;
    meanWaitSecondsAfter: number;
  };
}

/** Above this many events, per-edge medians are not kept (they would need every duration in memory). */
export const MEDIAN_EVENT_LIMIT = 2_000_000;

interface EdgeTally {
  count: number;
  sumSeconds: number;
  durations: number[] | null;
}

export class TruthCounter {
  private cases = 0;
  private events = 0;
  private readonly activities = new Map<string, number>();
  private readonly starts = new Map<string, number>();
  private readonly ends = new Map<string, number>();
  private readonly edges = new Map<string, EdgeTally>();
  private readonly variants = new Map<string, number>();
  private readonly anomalyCases: { caseId: string; kind: AnomalyKind }[] = [];
  private minTime = Infinity;
  private maxTime = -Infinity;
  private longestNormal = 0;
  private shortestExtreme = Infinity;
  private casesAfter = 0;
  private withNew = 0;
  private withNewBefore = 0;
  private readonly slowWait = { before: { n: 0, sum: 0 }, after: { n: 0, sum: 0 } };

  constructor(private readonly keepDurations: boolean) {}

  add(c: SimulatedCase): void {
    const acts = c.activities;
    const n = acts.length;
    this.cases++;
    this.events += n;
    bump(this.starts, acts[0]);
    bump(this.ends, acts[n - 1]);
    bump(this.variants, acts.join('\u0000'));
    if (c.times[0] < this.minTime) this.minTime = c.times[0];
    if (c.times[n - 1] > this.maxTime) this.maxTime = c.times[n - 1];
    let hasNew = false;
    for (let i = 0; i < n; i++) {
      bump(this.activities, acts[i]);
      if (acts[i] === SHIFT.newActivity) hasNew = true;
      if (i === 0) continue;
      const key = acts[i - 1] + '\u0000' + acts[i];
      let tally = this.edges.get(key);
      if (!tally) this.edges.set(key, (tally = { count: 0, sumSeconds: 0, durations: this.keepDurations ? [] : null }));
      const seconds = (c.times[i] - c.times[i - 1]) / 1000;
      tally.count++;
      tally.sumSeconds += seconds;
      tally.durations?.push(seconds);
      if (acts[i] === SHIFT.slowerActivity) {
        const side = c.afterShift ? this.slowWait.after : this.slowWait.before;
        side.n++;
        side.sum += seconds;
      }
    }
    if (c.afterShift) this.casesAfter++;
    if (hasNew) {
      this.withNew++;
      if (!c.afterShift) this.withNewBefore++;
    }
    const duration = (c.times[n - 1] - c.times[0]) / 1000;
    if (c.anomaly === 'extreme_duration') this.shortestExtreme = Math.min(this.shortestExtreme, duration);
    else this.longestNormal = Math.max(this.longestNormal, duration);
    if (c.anomaly) this.anomalyCases.push({ caseId: c.id, kind: c.anomaly });
  }

  finish(): LogTruth {
    const dfg: EdgeTruth[] = [];
    for (const [key, t] of this.edges) {
      const [from, to] = key.split('\u0000');
      dfg.push({
        from,
        to,
        count: t.count,
        meanSeconds: t.sumSeconds / t.count,
        medianSeconds: t.durations ? median(t.durations) : null,
      });
    }
    dfg.sort((a, b) => b.count - a.count || compare(a.from, b.from) || compare(a.to, b.to));
    const variants = [...this.variants].map(([key, count]) => ({ activities: key.split('\u0000'), count }));
    variants.sort((a, b) => b.count - a.count || compare(a.activities.join('\u0000'), b.activities.join('\u0000')));
    const bottleneckEdge = dfg.find((e) => e.from === BOTTLENECK.from && e.to === BOTTLENECK.to);
    const others = dfg.filter((e) => e !== bottleneckEdge).sort((a, b) => b.meanSeconds - a.meanSeconds);
    const counts = Object.fromEntries(ANOMALY_KINDS.map((k) => [k, 0])) as Record<AnomalyKind, number>;
    for (const a of this.anomalyCases) counts[a.kind]++;
    return {
      cases: this.cases,
      events: this.events,
      activities: sortedRecord(this.activities),
      startActivities: sortedRecord(this.starts),
      endActivities: sortedRecord(this.ends),
      timeRange: [new Date(this.minTime).toISOString(), new Date(this.maxTime).toISOString()],
      dfg,
      variants,
      anomalies: {
        counts,
        cases: this.anomalyCases,
        rules: {
          skipped_approval: 'amount above 5000 but no "Approve Order" (every other case above 5000 has it)',
          rework_loop: '"Amend Order" at least 4 times (other cases at most 2)',
          extreme_duration: 'every wait 40-60x its normal mean; longer than any other case',
          night_work:
            'one step at night (22:00-06:00 local) or at a weekend by a "Contractor NN", a resource no other case uses',
          extreme_value:
            'amount keyed with three extra zeros plus 1,000,000: at least 1,000,000 (normal amounts are log-normal around 3,000)',
        },
        longestNormalCaseSeconds: this.longestNormal,
        shortestExtremeCaseSeconds: Number.isFinite(this.shortestExtreme) ? this.shortestExtreme : null,
      },
      bottleneck: {
        from: BOTTLENECK.from,
        to: BOTTLENECK.to,
        designMeanHours: BOTTLENECK.meanHours,
        meanSeconds: bottleneckEdge?.meanSeconds ?? 0,
        count: bottleneckEdge?.count ?? 0,
        nextSlowestEdge: others[0]
          ? { from: others[0].from, to: others[0].to, meanSeconds: others[0].meanSeconds }
          : null,
      },
      shift: {
        date: SHIFT.date,
        casesBefore: this.cases - this.casesAfter,
        casesAfter: this.casesAfter,
        newActivity: SHIFT.newActivity,
        casesWithNewActivity: this.withNew,
        casesWithNewActivityBeforeShift: this.withNewBefore,
        slowerActivity: SHIFT.slowerActivity,
        meanWaitSecondsBefore: this.slowWait.before.n ? this.slowWait.before.sum / this.slowWait.before.n : 0,
        meanWaitSecondsAfter: this.slowWait.after.n ? this.slowWait.after.sum / this.slowWait.after.n : 0,
      },
    };
  }
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function sortedRecord(map: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))) out[k] = v;
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function median(values: number[]): number {
  const xs = Float64Array.from(values).sort();
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}
