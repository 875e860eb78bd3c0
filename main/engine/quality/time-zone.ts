import { InputError } from '../errors.ts';
import { zoneOffsetAt } from '../import/timestamps/index.ts';

/** Offsets of one time zone from UTC (ms, positive east), for fixes and checks on local times. */
export class ZoneOffsets {
  private readonly offsetAt: (utcMs: number) => number;

  constructor(readonly zone: string) {
    try {
      this.offsetAt = zoneOffsetAt(zone);
    } catch {
      throw new InputError(`Unknown time zone "${zone}".`, {
        hint: 'Use an IANA name such as Europe/Berlin, UTC, or an offset such as +02:00.',
      });
    }
  }

  /** Offset in ms at the instant `utcMs`. */
  at(utcMs: number): number {
    return this.offsetAt(utcMs);
  }
}
