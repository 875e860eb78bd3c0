/**
 * Where the events of one case go on its timeline: one lane per activity (in order of first
 * occurrence), x proportional to time, a bar from start to completion where the event has a
 * start time, a point otherwise. Pure, so the geometry is tested without a browser.
 */

export interface TimelineEvent {
  activity: string;
  /** Completion, ISO. */
  timestamp: string;
  startTimestamp: string | null;
}

export interface TimelineMark {
  /** Index into the case's events. */
  event: number;
  lane: number;
  /** Left end and width in the plot's coordinates, 0..width. */
  x: number;
  width: number;
  /** False when the event has a start time (drawn as a bar). */
  instant: boolean;
}

export interface TimelineGap {
  /** From the end of the work before to the start of the work after, in plot coordinates. */
  x1: number;
  x2: number;
  seconds: number;
}

export interface TimelineLayout {
  lanes: string[];
  marks: TimelineMark[];
  /** Epoch ms at x = 0 and x = width. */
  from: number;
  to: number;
  ticks: { x: number; at: number }[];
  /** The longest idle stretches (at most 3, each over a fifth of the span), widest first. */
  gaps: TimelineGap[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Tick spacings a reader can count in, smallest first. */
const STEPS = [
  1000,
  5000,
  15_000,
  30_000,
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
  91 * DAY,
  182 * DAY,
  365 * DAY,
  730 * DAY,
  1826 * DAY,
  3652 * DAY,
];
const MAX_TICKS = 6;
const MAX_GAPS = 3;
const GAP_SHARE = 0.2;

/**
 * `zoneOffsetMs` is the offset of the reader's time zone at the case's start (local minus UTC),
 * so ticks fall on local midnights and whole hours.
 */
export function layoutTimeline(events: readonly TimelineEvent[], width: number, zoneOffsetMs = 0): TimelineLayout {
  const lanes: string[] = [];
  const laneOf = new Map<string, number>();
  const starts: number[] = [];
  const ends: number[] = [];
  let from = Infinity;
  let to = -Infinity;
  for (const e of events) {
    const end = Date.parse(e.timestamp);
    const parsedStart = e.startTimestamp ? Date.parse(e.startTimestamp) : Number.NaN;
    const start = Number.isFinite(parsedStart) && parsedStart <= end ? parsedStart : end;
    starts.push(start);
    ends.push(end);
    from = Math.min(from, start);
    to = Math.max(to, end);
    if (!laneOf.has(e.activity)) {
      laneOf.set(e.activity, lanes.length);
      lanes.push(e.activity);
    }
  }
  if (events.length === 0) return { lanes, marks: [], from: 0, to: 0, ticks: [], gaps: [] };
  const span = to - from;
  const x = (t: number) => (span > 0 ? ((t - from) / span) * width : width / 2);
  const marks = events.map((e, i) => ({
    event: i,
    lane: laneOf.get(e.activity)!,
    x: x(starts[i]!),
    width: x(ends[i]!) - x(starts[i]!),
    instant: starts[i] === ends[i] && !(e.startTimestamp && Date.parse(e.startTimestamp) < ends[i]!),
  }));
  return {
    lanes,
    marks,
    from,
    to,
    ticks: span > 0 ? ticksFor(from, to, width, zoneOffsetMs) : [],
    gaps: span > 0 ? gapsOf(starts, ends, span, x) : [],
  };
}

function ticksFor(from: number, to: number, width: number, zoneOffsetMs: number): { x: number; at: number }[] {
  const span = to - from;
  const step = STEPS.find((s) => Math.floor(span / s) + 1 <= MAX_TICKS) ?? STEPS[STEPS.length - 1]!;
  // First multiple of the step (in local time) at or after `from`; weeks start on Mondays
  // (the epoch, 1970-01-01, was a Thursday; 1970-01-05 a Monday).
  const base = step % (7 * DAY) === 0 ? 4 * DAY : 0;
  const first = Math.ceil((from + zoneOffsetMs - base) / step) * step + base - zoneOffsetMs;
  const ticks: { x: number; at: number }[] = [];
  for (let at = first; at <= to; at += step) ticks.push({ x: ((at - from) / span) * width, at });
  return ticks;
}

/** Idle time: between the latest completion so far and the next event's start. */
function gapsOf(starts: number[], ends: number[], span: number, x: (t: number) => number): TimelineGap[] {
  const order = starts.map((_, i) => i).sort((a, b) => starts[a]! - starts[b]! || a - b);
  const gaps: TimelineGap[] = [];
  let busyUntil = -Infinity;
  for (const i of order) {
    if (busyUntil > -Infinity && starts[i]! - busyUntil > GAP_SHARE * span) {
      gaps.push({ x1: x(busyUntil), x2: x(starts[i]!), seconds: (starts[i]! - busyUntil) / 1000 });
    }
    busyUntil = Math.max(busyUntil, ends[i]!);
  }
  return gaps.sort((a, b) => b.seconds - a.seconds).slice(0, MAX_GAPS);
}

/** Local minus UTC at an instant, in ms, from a "YYYY-MM-DD HH:MM:SS" wall-clock reading of it. */
export function offsetFromWallClock(instantMs: number, wallClock: string): number {
  const local = Date.parse(`${wallClock.slice(0, 19).replace(' ', 'T')}Z`);
  if (!Number.isFinite(local)) return 0;
  return local - Math.floor(instantMs / 1000) * 1000;
}
