import { InputError } from '../../errors.ts';
import { isValidTimeZone, machineTimeZone, wallClockResolver } from '../timestamps/index.ts';
import type { NaiveTimeReader } from './xes-date.ts';
import { XesLogReader } from './xes-log-reader.ts';
import type { XesPieceRules } from './xes-piece-rules.ts';

/**
 * A reader for an XES file with its time zone settled as the import asked: `timezone`, or the
 * machine's zone, looked up only when a time without offset is met (that costs an ICU start-up).
 * The whole-file parse and a piece of it on another thread make theirs here, so both place every
 * such time alike.
 */
export function newXesReader(fileName: string, timezone: string | undefined, piece: XesPieceRules | null = null) {
  const checkedZone = (zone: string): string => {
    if (!isValidTimeZone(zone)) {
      throw new InputError(`Unknown time zone "${zone}".`, {
        file: fileName,
        hint: 'Use an IANA name such as Europe/Amsterdam, or an offset such as +01:00.',
      });
    }
    return zone;
  };
  let timeZone = timezone === undefined ? null : checkedZone(timezone);
  const zone = () => (timeZone ??= checkedZone(machineTimeZone()));
  let resolveWallClock: ((wallMs: number) => number) | null = null;
  let reader: XesLogReader | null = null;
  const naive: NaiveTimeReader = (wall) => {
    reader!.tallies.naiveDates++;
    resolveWallClock ??= wallClockResolver(zone());
    return resolveWallClock(wall);
  };
  reader = new XesLogReader(naive, zone, piece);
  return reader;
}
