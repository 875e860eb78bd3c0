import type { AttributeColumn, CaseMask, EventLog } from '../eventlog/index.ts';

/**
 * The text of an attribute value as tools read it back: text verbatim, numbers in JavaScript's
 * shortest round-trip form, dates as ISO 8601 UTC with milliseconds, booleans as true/false;
 * null where the value is missing.
 */
export function valueText(column: AttributeColumn, i: number): string | null {
  if (column.type === 'string') {
    const code = column.codes[i];
    return code < 0 ? null : column.dictionary[code];
  }
  const v = column.values[i];
  if (v !== v) return null;
  if (column.type === 'date') return isoTime(v);
  if (column.type === 'boolean') return v !== 0 ? 'true' : 'false';
  return String(v);
}

/** ISO 8601 UTC with milliseconds, the form every XES and CSV reader accepts. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Whether every present value of a number column is a whole number a 64-bit XES int holds exactly. */
export function isWholeNumberColumn(column: AttributeColumn): boolean {
  if (column.type !== 'number') return false;
  for (const v of column.values) if (v === v && !Number.isSafeInteger(v)) return false;
  return true;
}

/** Whether any event has a known start time. */
export function hasStartTimes(log: EventLog): boolean {
  const start = log.startTimestamp;
  if (!start) return false;
  for (let i = 0; i < start.length; i++) if (start[i] === start[i]) return true;
  return false;
}

/** Counts of the cases a mask keeps and their events. */
export function keptSize(log: EventLog, mask: CaseMask | null | undefined): { cases: number; events: number } {
  let cases = 0;
  let events = 0;
  for (let c = 0; c < log.caseCount; c++) {
    if (mask && mask[c] === 0) continue;
    cases++;
    events += log.caseStart[c + 1] - log.caseStart[c];
  }
  return { cases, events };
}
