import type { CsvPreview } from '../../../preload/api.ts';

/**
 * Formats the user can force when the inference got it wrong. Ids follow
 * TimestampFormatGuess.id in preload/api.ts; formats seen in the file's columns are added with
 * the engine's own labels, so a format the engine knows but this list does not still appears.
 */
const KNOWN_FORMATS: { id: string; label: string }[] = [
  // Keep in step with the engine's list in main/engine/import/timestamps/timestamp-formats.ts.
  { id: 'iso8601', label: 'ISO 8601 (2024-03-31T14:05:00+02:00)' },
  { id: 'ymd-slash', label: 'YYYY/MM/DD HH:MM:SS.sss' },
  { id: 'dmy-dot', label: 'DD.MM.YYYY HH:MM' },
  { id: 'dmy-slash', label: 'DD/MM/YYYY HH:MM' },
  { id: 'mdy-slash', label: 'MM/DD/YYYY HH:MM' },
  { id: 'dmy-dash', label: 'DD-MM-YYYY HH:MM' },
  { id: 'epoch-s', label: 'Unix epoch, seconds' },
  { id: 'epoch-ms', label: 'Unix epoch, milliseconds' },
];

export function timestampFormatOptions(preview: CsvPreview): { id: string; label: string }[] {
  const options = new Map<string, string>();
  for (const column of preview.columns) {
    const guess = column.timestampFormat;
    if (guess && !options.has(guess.id)) options.set(guess.id, guess.label);
  }
  for (const known of KNOWN_FORMATS) if (!options.has(known.id)) options.set(known.id, known.label);
  return [...options].map(([id, label]) => ({ id, label }));
}

/** Every IANA zone the runtime knows, with the machine's zone and UTC guaranteed present. */
export function timeZones(machineZone: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const all = new Set([machineZone, 'UTC', ...zones]);
  return [...all].sort((a, b) => a.localeCompare(b));
}
