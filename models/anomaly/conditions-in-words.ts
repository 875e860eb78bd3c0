import type { EventLog } from '../../main/engine/eventlog/index.ts';
import {
  hourOf,
  localClock,
  weekdayOf,
  type FeatureSpec,
  type PresenceCondition,
  type ProcessStatistics,
} from '../features/index.ts';
import { conditionHolds, presenceProbability } from '../features/presence-rules.ts';
import type { CaseAttributes } from '../features/index.ts';
import type { UsualRange } from './tail-probability.ts';

/**
 * The conditions behind a finding in the words of the process: "waiting time before Check
 * Credit = 41 h, usual ≤ 9 h", "Dispatch Shipment done by Contractor 07 (no Dispatch Shipment
 * event of 9,440 in training was)", "Approve Order missing; it is present in 99% of cases with
 * amount > 4,998 and Dispatch Shipment".
 */
export function describeCondition(
  spec: FeatureSpec,
  value: number,
  usual: UsualRange | null,
  context: CaseContext | null,
  stats: ProcessStatistics,
): string {
  const said = sayValue(spec, value);
  const range = usual ? sayUsual(spec, usual) : '';
  if (context && spec.activity && spec.name.startsWith('unusual resource at ')) {
    const who = context.resourcesAt(spec.activity);
    const a = stats.activities.indexOf(spec.activity);
    const seen = who.map(
      (r) =>
        `${r}${context.whenDone(spec.activity!, r)} (${fmtCount(stats.resourceCounts[a]?.[r] ?? 0)} of ${fmtCount(stats.activityCounts[a])} ${spec.activity} events in training)`,
    );
    return `${spec.activity} done by ${seen.join(', ')}`;
  }
  if (context && spec.activity && spec.name.startsWith('unusual hour at ')) {
    const hours = context.hoursAt(spec.activity);
    const a = stats.activities.indexOf(spec.activity);
    const said = hours.map(
      (h) =>
        `${String(h).padStart(2, '0')}:00–${String(h + 1).padStart(2, '0')}:00 (${fmtCount(stats.hourCounts[a]?.[h] ?? 0)} of ${fmtCount(stats.activityCounts[a])} in training)`,
    );
    return `${spec.activity} at ${said.join(', ')}`;
  }
  if (context && spec.activity && spec.name === `${spec.activity} missing`) {
    const a = stats.activities.indexOf(spec.activity);
    const rule = stats.presenceRules[a];
    if (rule) {
      const { leaf } = presenceProbability(rule, (c) =>
        conditionHolds(
          c,
          (b) => context.has(stats.activities[b]),
          (k) => context.attribute(stats.numericAttributes[k].name),
        ),
      );
      const share = leaf.total > 0 ? Math.round((100 * leaf.present) / leaf.total) : 0;
      const where = leaf.when.length
        ? ` of cases with ${leaf.when.map((c) => sayPresenceCondition(c, stats)).join(' and ')}`
        : '';
      return `${spec.activity} missing; it is present in ${share}%${where} (${fmtCount(leaf.present)} of ${fmtCount(leaf.total)} in training)`;
    }
  }
  if (context && spec.name === 'largest transition surprise') {
    const rarest = context.rarestTransition();
    if (rarest)
      return `${rarest.from} → ${rarest.to}: ${fmtCount(rarest.count)} of ${fmtCount(rarest.outOf)} cases after ${rarest.from} went there in training`;
  }
  return range ? `${spec.name} = ${said}, ${range}` : `${spec.name} = ${said}`;
}

function sayPresenceCondition(c: PresenceCondition, stats: ProcessStatistics): string {
  if (c.kind === 'activity') return c.present ? stats.activities[c.activity] : `no ${stats.activities[c.activity]}`;
  const name = stats.numericAttributes[c.attribute].name;
  return `${name} ${c.above ? '>' : '≤'} ${fmtNumber(c.threshold)}`;
}

export function sayValue(spec: FeatureSpec, value: number): string {
  if (!Number.isFinite(value)) return 'missing';
  switch (spec.unit) {
    case 'hours':
      return fmtHours(value);
    case 'count':
      return fmtCount(value);
    case 'surprise':
      return `${value.toFixed(1)} nats`;
    case 'robust z':
      return `${value.toFixed(1)} robust SD above usual`;
    case 'value':
      return fmtNumber(value);
  }
}

function sayUsual(spec: FeatureSpec, usual: UsualRange): string {
  const say = (x: number) => (spec.unit === 'surprise' || spec.unit === 'robust z' ? x.toFixed(1) : sayValue(spec, x));
  return usual.low !== null ? `usual ${say(usual.low)}–${say(usual.high)}` : `usual ≤ ${say(usual.high)}`;
}

export function fmtHours(h: number): string {
  if (h >= 48) return `${fmtNumber(Math.round(h))} h (${(h / 24).toFixed(1)} days)`;
  return `${h >= 10 ? Math.round(h) : Number(h.toFixed(1))} h`;
}

function fmtCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function fmtNumber(x: number): string {
  const abs = Math.abs(x);
  return x.toLocaleString('en-US', { maximumFractionDigits: abs >= 100 ? 0 : abs >= 1 ? 2 : 4 });
}

/** What the words need to know about one case beyond its feature values. */
export interface CaseContext {
  resourcesAt(activity: string): string[];
  hoursAt(activity: string): number[];
  has(activity: string): boolean;
  /** " on Sunday 02:00–03:00, at night": when `resource` did `activity` (its first such event), in the model's time zone. */
  whenDone(activity: string, resource: string): string;
  attribute(name: string): number;
  rarestTransition(): { from: string; to: string; count: number; outOf: number } | null;
}

/**
 * Reads a case's events (one case: a few objects are fine off the hot path). `attributes` is the
 * log's `caseAttributes`, computed once per scoring run by the caller.
 */
export function caseContext(
  log: EventLog,
  c: number,
  stats: ProcessStatistics,
  attributes: CaseAttributes,
): CaseContext {
  const start = log.caseStart[c];
  const end = log.caseStart[c + 1];
  const clock = localClock(stats.timeZone);
  const events = (activity: string) => {
    const out: number[] = [];
    for (let i = start; i < end; i++) if (log.activities[log.activity[i]] === activity) out.push(i);
    return out;
  };
  const attrs = attributes;
  return {
    resourcesAt: (activity) =>
      [
        ...new Set(
          events(activity)
            .filter((i) => log.resource[i] >= 0)
            .map((i) => log.resources[log.resource[i]]),
        ),
      ]
        .sort((x, y) => rarity(stats, activity, y) - rarity(stats, activity, x))
        .slice(0, 1),
    hoursAt: (activity) => {
      const a = stats.activities.indexOf(activity);
      return [...new Set(events(activity).map((i) => hourOf(clock(log.timestamp[i]))))]
        .sort((x, y) => (stats.hourCounts[a]?.[x] ?? 0) - (stats.hourCounts[a]?.[y] ?? 0))
        .slice(0, 1);
    },
    has: (activity) => events(activity).length > 0,
    whenDone: (activity, resource) => {
      const i = events(activity).find((e) => log.resource[e] >= 0 && log.resources[log.resource[e]] === resource);
      if (i === undefined) return '';
      const local = clock(log.timestamp[i]);
      const hour = hourOf(local);
      const day = weekdayOf(local);
      const night = hour >= 22 || hour < 6;
      const weekend = day === 0 || day === 6;
      const when =
        night && weekend ? ', at night at a weekend' : night ? ', at night' : weekend ? ', at a weekend' : '';
      return ` on ${WEEKDAYS[day]} ${String(hour).padStart(2, '0')}:00–${String(hour + 1).padStart(2, '0')}:00${when}`;
    },
    attribute: (name) => attrs.numeric.find((x) => x.name === name)?.values[c] ?? NaN,
    rarestTransition: () => {
      const A = stats.activities.length;
      const indexOf = (i: number) => stats.activities.indexOf(log.activities[log.activity[i]]);
      let best: { from: string; to: string; count: number; outOf: number; share: number } | null = null;
      for (let i = start; i <= end; i++) {
        const from = i === start ? A : indexOf(i - 1);
        const to = i === end ? A : indexOf(i);
        if (from < 0) continue;
        let outOf = 0;
        for (let k = 0; k <= A; k++) outOf += stats.transitions[from * (A + 1) + k];
        const count = to < 0 ? 0 : stats.transitions[from * (A + 1) + to];
        const share = outOf > 0 ? count / outOf : 0;
        if (!best || share < best.share) {
          const fromName = i === start ? 'case start' : stats.activities[from];
          const toName = i === end ? 'case end' : to < 0 ? log.activities[log.activity[i]] : stats.activities[to];
          best = { from: fromName, to: toName, count, outOf, share };
        }
      }
      return best ? { from: best.from, to: best.to, count: best.count, outOf: best.outOf } : null;
    },
  };
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function rarity(stats: ProcessStatistics, activity: string, resource: string): number {
  const a = stats.activities.indexOf(activity);
  return -(stats.resourceCounts[a]?.[resource] ?? 0);
}
