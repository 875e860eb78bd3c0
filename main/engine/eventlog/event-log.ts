/**
 * The in-memory event log: columns of typed arrays, strings dictionary-encoded.
 *
 * Events are sorted by case, then timestamp, then file order, so the events of case `c` are
 * the half-open range `caseStart[c] .. caseStart[c + 1]`. Analyses loop over these arrays;
 * nothing on the hot path builds an object per event.
 */

export type AttributeColumn = StringAttributeColumn | NumericAttributeColumn;

/** Text values: `codes[i]` indexes `dictionary`; -1 means missing. */
export interface StringAttributeColumn {
  readonly name: string;
  readonly type: 'string';
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
}

/**
 * Numbers, dates (epoch ms UTC) and booleans (0/1) share one representation; NaN means missing.
 */
export interface NumericAttributeColumn {
  readonly name: string;
  readonly type: 'number' | 'date' | 'boolean';
  readonly values: Float64Array;
}

export interface EventLog {
  readonly eventCount: number;
  readonly caseCount: number;
  /** Length caseCount + 1; events of case c are caseStart[c] .. caseStart[c+1]-1. */
  readonly caseStart: Int32Array;
  /** Case identifiers in case-index order (order of first appearance in the file). */
  readonly caseIds: readonly string[];
  /** Per event: code into `activities`. */
  readonly activity: Int32Array;
  readonly activities: readonly string[];
  /** Per event: completion time, epoch milliseconds UTC. */
  readonly timestamp: Float64Array;
  /** Per event: start time in epoch ms, NaN where unknown; null when the log has none. */
  readonly startTimestamp: Float64Array | null;
  /** Per event: code into `resources`, -1 when missing. */
  readonly resource: Int32Array;
  readonly resources: readonly string[];
  /** Per event: 1-based line in the source file (the CSV row, or the XES `<event>` tag). */
  readonly sourceRow: Int32Array;
  /** Per-event attributes, each column of length eventCount. */
  readonly eventAttributes: readonly AttributeColumn[];
  /** Per-case attributes (XES trace attributes, CSV `case:` columns), each of length caseCount. */
  readonly caseAttributes: readonly AttributeColumn[];
}

/** Case index of every event, derived when an analysis needs it. */
export function caseOfEvents(log: EventLog): Int32Array {
  const caseOf = new Int32Array(log.eventCount);
  for (let c = 0; c < log.caseCount; c++) caseOf.fill(c, log.caseStart[c], log.caseStart[c + 1]);
  return caseOf;
}

/** Resident size of the log's columns, for the bytes-per-event figure. */
export function residentBytes(log: EventLog): number {
  let bytes =
    log.caseStart.byteLength +
    log.activity.byteLength +
    log.timestamp.byteLength +
    log.resource.byteLength +
    log.sourceRow.byteLength +
    (log.startTimestamp?.byteLength ?? 0);
  const strings = (xs: readonly string[]) => xs.reduce((n, s) => n + 2 * s.length + 16, 0);
  bytes += strings(log.caseIds) + strings(log.activities) + strings(log.resources);
  for (const col of [...log.eventAttributes, ...log.caseAttributes]) {
    bytes += col.type === 'string' ? col.codes.byteLength + strings(col.dictionary) : col.values.byteLength;
  }
  return bytes;
}
