import { InputError } from '../errors.ts';

const HOUR_MS = 3_600_000;
const FIXED_OFFSET = /^([+-])(\d{2}):?(\d{2})$/u;

/**
 * Offset of a time zone from UTC (ms, positive east) at given instants. Offsets change only at
 * DST transitions, which fall on whole hours, so they are cached per UTC hour: a million
 * timestamps cost one Intl call per distinct hour, not one per event.
 */
export class ZoneOffsets {
  private readonly fixed: number | null;
  private readonly format: Intl.DateTimeFormat | null;
  private readonly cache = new Map<number, number>();

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
    const hour = Math.floor(utcMs / HOUR_MS);
    let offset = this.cache.get(hour);
    if (offset === undefined) {
      offset = this.compute(hour * HOUR_MS);
      this.cache.set(hour, offset);
    }
    return offset;
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
