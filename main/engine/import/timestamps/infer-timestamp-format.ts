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
  const encoded = values.map((v) => encoder.encode(v));
  const tallies: Tally[] = TIMESTAMP_FORMATS.map((format) => ({
    format,
    parsed: 0,
    withOffset: 0,
    label: null,
    onlyExample: null,
  }));
  for (const tally of tallies) {
    for (const bytes of encoded) {
      if (!tally.format.read(bytes, 0, bytes.length)) continue;
      tally.parsed++;
      if (lastReadHasOffset()) tally.withOffset++;
      tally.label ??= lastReadLabel(tally.format);
    }
  }
  const dmy = tallies.find((t) => t.format.id === 'dmy-slash')!;
  const mdy = tallies.find((t) => t.format.id === 'mdy-slash')!;
  for (let i = 0; i < encoded.length && (dmy.onlyExample === null || mdy.onlyExample === null); i++) {
    const bytes = encoded[i];
    const byDmy = dmy.format.read(bytes, 0, bytes.length);
    const byMdy = mdy.format.read(bytes, 0, bytes.length);
    if (byDmy && !byMdy) dmy.onlyExample ??= values[i];
    if (byMdy && !byDmy) mdy.onlyExample ??= values[i];
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
