import { Random } from './random.ts';
import { LOAD_DEPENDENT_WAIT, SeasonalLoad } from './seasonal-load.ts';

/**
 * An order-to-cash process, simulated one case at a time. It has the shapes a real log shows:
 * an XOR (approval only above an amount), a rework loop (amend and re-check credit), an early
 * exit (reject), a parallel-ish part (picking/shipping interleaved with invoicing), a
 * repeat loop (payment reminders), one deliberately slow hand-over (the bottleneck) and a
 * change of behaviour after a known date (the distribution shift).
 *
 * Every case starts with START_ACTIVITY and ends with END_ACTIVITY, so a case that does not is
 * incomplete by construction; no two activity names are near-duplicates of each other, so a
 * near-duplicate label in a dirty log is always an injected one.
 */

export const START_ACTIVITY = 'Receive Order';
export const END_ACTIVITY = 'Close Order';
export const APPROVAL_THRESHOLD = 5000;
export const BOTTLENECK = { from: 'Pick Items', to: 'Dispatch Shipment', meanHours: 120 } as const;
export const SHIFT = {
  /** Cases that start on or after this instant follow the shifted behaviour. */
  date: '2021-07-01T00:00:00Z',
  newActivity: 'Verify Identity',
  newActivityShare: 0.5,
  slowerActivity: 'Check Credit',
  slowdownFactor: 3,
} as const;
/** The generated period: case arrivals are spread evenly over it. */
export const PERIOD = { start: '2020-01-01T00:00:00Z', end: '2021-12-31T00:00:00Z' } as const;
/** Used to spread arrivals before the real count is known. */
export const EXPECTED_EVENTS_PER_CASE = 8;

/**
 * Five kinds of anomalous case, about 1% of cases together. The last two were added later: they
 * take the next slice of the same uniform draw and route like normal cases, so every other case
 * (and the random stream) is exactly what it was before they existed.
 */
export type AnomalyKind = 'skipped_approval' | 'rework_loop' | 'extreme_duration' | 'night_work' | 'extreme_value';
export const ANOMALY_KINDS: readonly AnomalyKind[] = [
  'skipped_approval',
  'rework_loop',
  'extreme_duration',
  'night_work',
  'extreme_value',
];
export const ANOMALY_RATES: Readonly<Record<AnomalyKind, number>> = {
  skipped_approval: 0.003,
  rework_loop: 0.002,
  extreme_duration: 0.002,
  night_work: 0.0015,
  extreme_value: 0.0015,
};
/**
 * A night-work case has one step done at night (22:00-06:00 local) or at a weekend by a
 * contractor, a resource no normal case ever uses.
 */
export const CONTRACTOR_PREFIX = 'Contractor';
const CONTRACTORS = 20;
/** An extreme-value case's amount is keyed with three extra zeros, plus this: above any normal amount. */
export const EXTREME_VALUE_FLOOR = 1_000_000;
/** Normal cases amend at most this many times; a rework-loop anomaly amends at least 4 times. */
export const MAX_NORMAL_REWORKS = 2;
export const MIN_ANOMALOUS_REWORKS = 4;
/** Every wait of an extreme-duration case is this many times its normal mean. */
export const EXTREME_FACTOR = 40;

const HOUR = 3_600_000;
/** Mean waiting time before each activity, by the activity reached. */
const MEAN_WAIT_HOURS: Readonly<Record<string, number>> = {
  'Check Credit': 4,
  'Verify Identity': 6,
  'Amend Order': 12,
  'Reject Order': 8,
  'Approve Order': 6,
  'Pick Items': 8,
  'Dispatch Shipment': 6,
  'Send Invoice': 4,
  'Send Reminder': 24,
  'Receive Payment': 20,
  'Close Order': 3,
};

const ROLE_OF: Readonly<Record<string, string>> = {
  'Receive Order': 'Sales',
  'Check Credit': 'Finance',
  'Verify Identity': 'Finance',
  'Amend Order': 'Sales',
  'Reject Order': 'Sales',
  'Approve Order': 'Manager',
  'Pick Items': 'Warehouse',
  'Dispatch Shipment': 'Warehouse',
  'Send Invoice': 'Finance',
  'Send Reminder': 'Finance',
  'Receive Payment': 'Finance',
  'Close Order': 'System',
};
const ROLE_SIZE: Readonly<Record<string, number>> = { Sales: 12, Finance: 8, Manager: 4, Warehouse: 10, System: 0 };

export const REGIONS = [
  { name: 'EU', offset: '+01:00', offsetMinutes: 60, weight: 5 },
  { name: 'US', offset: '-05:00', offsetMinutes: -300, weight: 3 },
  { name: 'APAC', offset: '+08:00', offsetMinutes: 480, weight: 2 },
] as const;
export type Region = (typeof REGIONS)[number];
const CHANNELS = ['web', 'phone', 'partner'] as const;
const CHANNEL_WEIGHTS = [6, 3, 1];

export interface SimulatedCase {
  index: number;
  id: string;
  channel: string;
  region: Region;
  amount: number;
  anomaly: AnomalyKind | null;
  afterShift: boolean;
  activities: string[];
  /** Completion instants, epoch ms, strictly increasing (whole seconds). */
  times: number[];
  /** Start instants, epoch ms, at or before the completion. */
  starts: number[];
  resources: string[];
}

export class OrderToCash {
  private readonly random: Random;
  private readonly periodStart = Date.parse(PERIOD.start);
  private readonly shiftAt = Date.parse(SHIFT.date);
  private readonly interArrival: number;
  /** Present with `{ load: true }`: seasonal arrivals and a load-dependent wait (seasonal-load.ts). */
  private readonly load: SeasonalLoad | null;
  private loadFactor = 1;

  constructor(seed: number, targetEvents: number, options: { load?: boolean } = {}) {
    this.random = new Random(seed);
    const expectedCases = Math.max(1, targetEvents / EXPECTED_EVENTS_PER_CASE);
    this.interArrival = (Date.parse(PERIOD.end) - this.periodStart) / expectedCases;
    this.load = options.load ? new SeasonalLoad(this.periodStart, this.interArrival) : null;
  }

  simulate(index: number): SimulatedCase {
    const r = this.random;
    const arrival = roundToSecond(
      this.load ? this.load.arrival(index, r.next()) : this.periodStart + (index + r.next()) * this.interArrival,
    );
    if (this.load) this.loadFactor = this.load.arrive(arrival);
    const anomaly = this.drawAnomaly();
    const region = REGIONS[r.weighted(REGIONS.map((x) => x.weight))];
    const channel = CHANNELS[r.weighted(CHANNEL_WEIGHTS)];
    let amount = Math.round(r.logNormal(3000, 0.9) * 100) / 100;
    if (anomaly === 'skipped_approval' && amount <= APPROVAL_THRESHOLD)
      amount = Math.round((APPROVAL_THRESHOLD + r.logNormal(2000, 0.6)) * 100) / 100;
    if (anomaly === 'extreme_value') amount = Math.round((EXTREME_VALUE_FLOOR + amount * 1000) * 100) / 100;
    const afterShift = arrival >= this.shiftAt;
    const activities = this.route(amount, anomaly, afterShift);
    const times: number[] = [];
    const starts: number[] = [];
    const resources: string[] = [];
    let t = arrival;
    for (let i = 0; i < activities.length; i++) {
      const activity = activities[i];
      const wait = i === 0 ? 0 : this.wait(activities[i - 1], activity, anomaly, afterShift);
      t += wait;
      times.push(t);
      // Service time is part of the wait, never longer than it, so starts stay after the
      // previous completion and the log stays consistent.
      const service =
        i === 0
          ? roundToSecond(r.cappedExponential(0.25 * HOUR))
          : Math.min(roundToSecond(r.cappedExponential(0.5 * HOUR)), wait - 1000);
      starts.push(t - service);
      resources.push(this.resource(activity));
    }
    const kind = anomaly === 'night_work' && !this.giveToContractor(index, region, times, resources) ? null : anomaly;
    return {
      index,
      id: caseId(index),
      channel,
      region,
      amount,
      anomaly: kind,
      afterShift,
      activities,
      times,
      starts,
      resources,
    };
  }

  /**
   * Hands the first step after the start that falls at night or at a weekend (local time) to a
   * contractor. No random draw, so the stream stays as it was; false when no step qualifies
   * (then the case stays normal).
   */
  private giveToContractor(index: number, region: Region, times: number[], resources: string[]): boolean {
    for (let i = 1; i < times.length - 1; i++) {
      if (!isNightOrWeekend(times[i], region.offsetMinutes)) continue;
      resources[i] = `${CONTRACTOR_PREFIX} ${String(1 + (index % CONTRACTORS)).padStart(2, '0')}`;
      return true;
    }
    return false;
  }

  private drawAnomaly(): AnomalyKind | null {
    let u = this.random.next();
    for (const kind of Object.keys(ANOMALY_RATES) as AnomalyKind[]) {
      u -= ANOMALY_RATES[kind];
      if (u < 0) return kind;
    }
    return null;
  }

  private route(amount: number, anomaly: AnomalyKind | null, afterShift: boolean): string[] {
    const r = this.random;
    const seq = [START_ACTIVITY, 'Check Credit'];
    if (afterShift && r.chance(SHIFT.newActivityShare)) seq.push(SHIFT.newActivity);
    const reworks =
      anomaly === 'rework_loop'
        ? MIN_ANOMALOUS_REWORKS + r.int(3)
        : r.chance(0.1)
          ? r.chance(0.2)
            ? MAX_NORMAL_REWORKS
            : 1
          : 0;
    for (let k = 0; k < reworks; k++) seq.push('Amend Order', 'Check Credit');
    // Night-work and extreme-value cases route like normal cases (they may be rejected too).
    if ((anomaly === null || anomaly === 'night_work' || anomaly === 'extreme_value') && r.chance(0.06)) {
      seq.push('Reject Order', END_ACTIVITY);
      return seq;
    }
    if (amount > APPROVAL_THRESHOLD && anomaly !== 'skipped_approval') seq.push('Approve Order');
    switch (r.int(3)) {
      case 0:
        seq.push('Send Invoice', 'Pick Items', 'Dispatch Shipment');
        break;
      case 1:
        seq.push('Pick Items', 'Send Invoice', 'Dispatch Shipment');
        break;
      default:
        seq.push('Pick Items', 'Dispatch Shipment', 'Send Invoice');
    }
    const reminders = r.weighted([70, 20, 7, 3]);
    for (let k = 0; k < reminders; k++) seq.push('Send Reminder');
    seq.push('Receive Payment', END_ACTIVITY);
    return seq;
  }

  private wait(from: string, to: string, anomaly: AnomalyKind | null, afterShift: boolean): number {
    let mean = (from === BOTTLENECK.from && to === BOTTLENECK.to ? BOTTLENECK.meanHours : MEAN_WAIT_HOURS[to]) * HOUR;
    if (afterShift && to === SHIFT.slowerActivity) mean *= SHIFT.slowdownFactor;
    if (this.load && to === LOAD_DEPENDENT_WAIT.activity) mean = LOAD_DEPENDENT_WAIT.meanHours * HOUR * this.loadFactor;
    // Extreme cases wait far longer at every step: between 1x and 1.5x EXTREME_FACTOR means.
    const w =
      anomaly === 'extreme_duration'
        ? mean * EXTREME_FACTOR * (1 + 0.5 * this.random.next())
        : this.random.cappedExponential(mean);
    return Math.max(60_000, roundToSecond(w));
  }

  private resource(activity: string): string {
    const role = ROLE_OF[activity];
    const size = ROLE_SIZE[role];
    if (size === 0) return role;
    return `${role} ${String(1 + this.random.int(size)).padStart(2, '0')}`;
  }
}

export function caseId(index: number): string {
  return `C${String(index + 1).padStart(7, '0')}`;
}

/** Local hour 22-05 or a Saturday/Sunday, at the region's fixed offset. */
export function isNightOrWeekend(ms: number, offsetMinutes: number): boolean {
  const local = new Date(ms + offsetMinutes * 60_000);
  const hour = local.getUTCHours();
  const day = local.getUTCDay();
  return hour >= 22 || hour < 6 || day === 0 || day === 6;
}

function roundToSecond(ms: number): number {
  return Math.round(ms / 1000) * 1000;
}
