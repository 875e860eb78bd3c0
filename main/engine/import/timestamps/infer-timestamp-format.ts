import type { TimestampFormatGuess } from '../../../../preload/api.ts';
import { TIMESTAMP_FORMATS, lastReadHasOffset, lastReadLabel, type TimestampFormat } from './timestamp-formats.ts';

const encoder = new TextEncoder();

interface Tally {
  format: TimestampFormat;
  parsed: number;
  withOffset: number;
  label: string | null;
  /** A value only this format reads among the day/month pair, for the note. */
  onlyExample: string | null;
}

/**
 * The format that reads the most of `samples` (empty values ignored), or null when none reads
 * any. Day/month order is decided from the data: a first field above 12 means DD/MM, a second
 * field above 12 means MM/DD. When no value decides it, DD/MM is assumed (the order of most of
 * the world outside the US) and the guess's `note` says so, so the UI can offer the other.
 */
export function inferTimestampFormat(samples: readonly string[]): TimestampFormatGuess | null {
  const values = samples.map((s) => s.trim()).filter((s) => s !== '');
  if (values.length === 0) return null;
  const tallies: Tally[] = TIMESTAMP_FORMATS.map((format) => ({
    format,
    parsed: 0,
    withOffset: 0,
    label: null,
    onlyExample: null,
  }));
  const dmy = tallies.find((t) => t.format.id === 'dmy-slash')!;
  const mdy = tallies.find((t) => t.format.id === 'mdy-slash')!;
  // Each value is encoded once into one buffer and tried with every format.
  let bytes = new Uint8Array(64);
  for (const value of values) {
    // Every format reads digits first (after the trim above): a value that starts otherwise (an
    // id, a name) is read by none, so it is not encoded and not tried.
    const first = value.charCodeAt(0);
    if (first < 48 || first > 57) continue;
    if (value.length * 3 > bytes.length) bytes = new Uint8Array(value.length * 3);
    const length = encoder.encodeInto(value, bytes).written;
    let byDmy = false;
    let byMdy = false;
    for (const tally of tallies) {
      if (!tally.format.read(bytes, 0, length)) continue;
      if (tally === dmy) byDmy = true;
      else if (tally === mdy) byMdy = true;
      tally.parsed++;
      if (lastReadHasOffset()) tally.withOffset++;
      tally.label ??= lastReadLabel(tally.format);
    }
    // A value only one of the day/month orders reads, for the note.
    if (byDmy && !byMdy) dmy.onlyExample ??= value;
    if (byMdy && !byDmy) mdy.onlyExample ??= value;
  }

  let best: Tally | null = null;
  for (const tally of tallies) if (tally.parsed > 0 && (best === null || tally.parsed > best.parsed)) best = tally;
  if (best === null) return null;

  let note: string | undefined;
  if (best === dmy || best === mdy) {
    const other = best === dmy ? mdy : dmy;
    const order = best === dmy ? 'DD/MM' : 'MM/DD';
    const otherOrder = best === dmy ? 'MM/DD' : 'DD/MM';
    if (best.onlyExample !== null && other.onlyExample !== null) {
      note = `Day/month order: ${order}, because more values read that way (e.g. ${datePart(best.onlyExample)}); values in ${otherOrder} order such as ${datePart(other.onlyExample)} will be rejected.`;
    } else if (best.onlyExample !== null) {
      note = `Day/month order: ${order}, because values like ${datePart(best.onlyExample)} exist.`;
    } else {
      note = `Day/month order could not be decided from the data (no day above 12); assumed ${order}. Choose ${otherOrder} if the file comes from a system that writes month first.`;
    }
  }
  return {
    id: best.format.id,
    label: best.label ?? best.format.datePattern,
    parsedShare: best.parsed / values.length,
    hasOffset: best.withOffset === best.parsed,
    ...(note ? { note } : {}),
  };
}

function datePart(value: string): string {
  return value.split(/\s+/)[0];
}
