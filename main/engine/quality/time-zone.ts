import { InputError } from '../errors.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const FIXED_OFFSET = /^([+-])(\d{2}):?(\d{2})$/u;

/**
 * Offset of a time zone from UTC (ms, positive east) at given instants. Offsets change only at
 * transitions (DST), a few times a year and on whole hours or half hours, so a UTC day whose
 * start and end share an offset is cached as one entry; only a transition day is looked up per
 * hour. A million timestamps cost a few Intl calls per distinct day, not one per event.
 */
export class ZoneOffsets {
  private readonly fixed: number | null;
  private readonly format: Intl.DateTimeFormat | null;
  private readonly days = new Map<number, number>(); // UTC day → offset, or NaN on a transition day
  private readonly hours = new Map<number, number>();

  constructor(readonly zone: string) {
    if (zone === 'UTC' || zone === 'Z' || zone === 'Etc/UTC') {
      this.fixed = 0;
      this.format = null;
      return;
    }
    const m = FIXED_OFFSET.exec(zone);
    if (m) {
      this.fixed = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
      this.format = null;
      return;
    }
    this.fixed = null;
    try {
      this.format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new InputError(`Unknown time zone "${zone}".`, { hint: 'Use an IANA name such as Europe/Berlin, UTC, or an offset such as +02:00.' });
    }
  }

  /** Offset in ms at the instant `utcMs`. */
  at(utcMs: number): number {
    if (this.fixed !== null) return this.fixed;
    const day = Math.floor(utcMs / DAY_MS);
    let offset = this.days.get(day);
    if (offset === undefined) {
      const start = this.compute(day * DAY_MS);
      offset = start === this.compute((day + 1) * DAY_MS - HOUR_MS / 2) ? start : NaN;
      this.days.set(day, offset);
    }
    if (!Number.isNaN(offset)) return offset;
    const halfHour = Math.floor(utcMs / (HOUR_MS / 2));
    let exact = this.hours.get(halfHour);
    if (exact === undefined) {
      exact = this.compute(halfHour * (HOUR_MS / 2));
      this.hours.set(halfHour, exact);
    }
    return exact;
  }

  /** The instant at which wall-clock time `wallMs` (as if UTC) occurs in this zone. */
  instantOf(wallMs: number): number {
    const guess = wallMs - this.at(wallMs);
    return wallMs - this.at(guess);
  }

  private compute(utcMs: number): number {
    const parts = this.format!.formatToParts(new Date(utcMs));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return wall - utcMs;
  }
}
