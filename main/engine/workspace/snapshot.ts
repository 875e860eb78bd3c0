import type { AttributeColumn, EventLog } from '../eventlog/index.ts';
import { readArrowFile, type ArrowFile } from './arrow-file.ts';
import {
  arrowFile,
  encodeText,
  joinParts,
  type ArrowColumnToWrite,
  type ArrowFileParts,
  type Validity,
} from './arrow-writer.ts';

/**
 * The event log as two Arrow IPC files: one row per event, one row per case.
 *
 * Reopening a workspace reads these files and hands their buffers to the EventLog without a
 * per-row pass: Int32/Float64 columns become typed-array views into the file's bytes. Strings are
 * Arrow dictionaries, so the activity column is the same Int32 codes the engine uses. Missing
 * codes (-1 in the engine) are Arrow nulls so that other Arrow readers (DuckDB, pyarrow) see the
 * file correctly. Attribute fields (events and cases alike) are named `attr:<name>` and carry
 * `gemba:type` metadata. Both files are written by our own writer (arrow-writer.ts) straight
 * from the log's arrays and read by our own reader (arrow-file.ts).
 */

const EVENT_PREFIX = 'attr:';

export interface SnapshotBytes {
  events: Uint8Array;
  cases: Uint8Array;
}

/** The two snapshot files as the byte ranges they are made of, mostly the log's own arrays. */
export interface SnapshotParts {
  events: ArrowFileParts;
  cases: ArrowFileParts;
}

/** The two snapshot files in memory, each one array of its own. */
export function eventLogToArrow(log: EventLog): SnapshotBytes {
  const parts = eventLogToArrowParts(log);
  return { events: joinParts(parts.events), cases: joinParts(parts.cases) };
}

/**
 * The two snapshot files without copying the log's columns: what writeSnapshotFiles writes.
 * The parts share the log's arrays, so the log must not change until they are written.
 */
export function eventLogToArrowParts(log: EventLog): SnapshotParts {
  const events: ArrowColumnToWrite[] = [
    codesToWrite('activity', log.activity, log.activities),
    time('timestamp', log.timestamp),
  ];
  if (log.startTimestamp) events.push(time('start_timestamp', log.startTimestamp));
  events.push(codesToWrite('resource', log.resource, log.resources));
  events.push({ name: 'source_row', type: 'int32', values: log.sourceRow });
  for (const column of log.eventAttributes) events.push(attributeColumn(column));

  const cases: ArrowColumnToWrite[] = [
    { name: 'case_id', type: 'utf8', text: encodeText(log.caseIds) },
    { name: 'first_event', type: 'int32', values: log.caseStart.subarray(0, log.caseCount) },
  ];
  for (const column of log.caseAttributes) cases.push(attributeColumn(column));
  return { events: arrowFile(events, log.eventCount), cases: arrowFile(cases, log.caseCount) };
}

/** Times as plain numbers, an unknown start time as NaN (not an Arrow null), as they always were. */
function time(name: string, values: Float64Array): ArrowColumnToWrite {
  return { name, type: 'float64', values, valid: null, nullCount: 0, metadata: { unit: 'epoch-ms' } };
}

/**
 * Reopens a snapshot with our own reader (arrow-file.ts): numeric columns are views into the
 * file's bytes, strings are decoded once; apache-arrow is not loaded.
 */
export function eventLogFromArrow(bytes: SnapshotBytes): EventLog {
  return eventLogOf(openArrow(bytes.events, 'events'), openArrow(bytes.cases, 'cases'), false);
}

/**
 * Reopens a snapshot from its two files, reading what a command needs when it first needs it:
 * the case structure, case ids, activities, times, resources and source rows at once; each
 * attribute column on first use (a getter, read once). `gemba stats` on a log with several
 * attributes so holds a fraction of the file.
 */
export function eventLogFromSnapshotFiles(eventsPath: string, casesPath: string): EventLog {
  return eventLogOf(openArrow(eventsPath, 'events'), openArrow(casesPath, 'cases'), true);
}

function eventLogOf(events: ArrowFile, cases: ArrowFile, lazy: boolean): EventLog {
  const n = events.rows;
  const caseCount = cases.rows;
  const activity = dictionaryColumn(events, 'activity');
  const resource = dictionaryColumn(events, 'resource');
  const caseStart = new Int32Array(caseCount + 1);
  caseStart.set(int32Values(cases, 'first_event'));
  caseStart[caseCount] = n;
  const start = events.fields.some((f) => f.name === 'start_timestamp')
    ? float64Values(events, 'start_timestamp')
    : null;
  const caseIds = cases.column('case_id');
  if (caseIds.kind !== 'utf8') throw new Error('snapshot column case_id is not text');
  // The log object itself stays a plain literal: an accessor on it would put it in V8's
  // dictionary mode and every `log.x` in the analyses' loops would become a hash lookup (~40%
  // slower statistics). So case ids and source rows are read now; attribute columns, read by
  // few commands, are the lazy part.
  return {
    eventCount: n,
    caseCount,
    caseStart,
    caseIds: caseIds.values,
    activity: activity.codes,
    activities: activity.dictionary,
    timestamp: float64Values(events, 'timestamp'),
    startTimestamp: start,
    resource: resource.codes,
    resources: resource.dictionary,
    sourceRow: int32Values(events, 'source_row'),
    eventAttributes: attributeColumns(events, lazy),
    caseAttributes: attributeColumns(cases, lazy),
  };
}

function openArrow(bytes: Uint8Array | string, which: string): ArrowFile {
  try {
    return readArrowFile(bytes);
  } catch (error) {
    // A damaged file reads past its end: say which file, not which DataView offset.
    if (error instanceof RangeError) throw new Error(`The ${which} snapshot file is damaged (${error.message})`);
    throw error;
  }
}

function attributeColumn(column: AttributeColumn): ArrowColumnToWrite {
  const name = EVENT_PREFIX + column.name;
  const metadata = { 'gemba:type': column.type };
  if (column.type === 'string') return { ...codesToWrite(name, column.codes, column.dictionary), metadata };
  return { name, type: 'float64', values: column.values, ...numberValidity(column.values), metadata };
}

/**
 * Int32 codes with -1 for missing: an Arrow dictionary column, missing codes as nulls. Only a
 * column with missing values is copied (its nulls get code 0, which every reader can look up).
 */
function codesToWrite(name: string, codes: Int32Array, dictionary: readonly string[]): ArrowColumnToWrite {
  let nullCount = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i]! < 0) nullCount++;
  if (nullCount === 0)
    return { name, type: 'dictionary', codes, dictionary: encodeText(dictionary), valid: null, nullCount };
  const written = new Int32Array(codes.length);
  const valid = new Uint8Array((codes.length + 7) >> 3);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code >= 0) {
      written[i] = code;
      valid[i >> 3] |= 1 << (i & 7);
    }
  }
  return { name, type: 'dictionary', codes: written, dictionary: encodeText(dictionary), valid, nullCount };
}

/** NaN marks a missing number; it stays in the values as well, so our reader needs no second pass. */
function numberValidity(values: Float64Array): Validity {
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) nullCount++;
  if (nullCount === 0) return { valid: null, nullCount };
  const valid = new Uint8Array((values.length + 7) >> 3);
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) valid[i >> 3] |= 1 << (i & 7);
  return { valid, nullCount };
}

function int32Values(file: ArrowFile, name: string): Int32Array {
  const column = file.column(name);
  if (column.kind !== 'int32') throw new Error(`snapshot column ${name} is not int32`);
  return column.values;
}

function float64Values(file: ArrowFile, name: string): Float64Array {
  const column = file.column(name);
  if (column.kind !== 'float64') throw new Error(`snapshot column ${name} is not float64`);
  // Missing numbers are written as NaN under the validity bitmap too, so the values stand alone.
  return column.values;
}

/** Dictionary codes with Arrow nulls turned back into the engine's -1. */
function dictionaryColumn(file: ArrowFile, name: string): { codes: Int32Array; dictionary: string[] } {
  const column = file.column(name);
  if (column.kind !== 'dictionary') throw new Error(`snapshot column ${name} is not dictionary-encoded`);
  const { codes, valid } = column;
  if (valid) for (let i = 0; i < codes.length; i++) if ((valid[i >> 3]! & (1 << (i & 7))) === 0) codes[i] = -1;
  return { codes, dictionary: column.dictionary };
}

function attributeColumns(file: ArrowFile, lazy: boolean): AttributeColumn[] {
  const columns: AttributeColumn[] = [];
  for (const field of file.fields) {
    if (!field.name.startsWith(EVENT_PREFIX)) continue;
    const name = field.name.slice(EVENT_PREFIX.length);
    const type = (field.metadata.get('gemba:type') ?? 'string') as AttributeColumn['type'];
    if (lazy && type === 'string') {
      let read: { codes: Int32Array; dictionary: string[] } | null = null;
      const load = () => (read ??= dictionaryColumn(file, field.name));
      columns.push({
        name,
        type,
        get codes() {
          return load().codes;
        },
        get dictionary() {
          return load().dictionary;
        },
      });
    } else if (lazy) {
      let values: Float64Array | null = null;
      columns.push({
        name,
        type: type as Exclude<AttributeColumn['type'], 'string'>,
        get values() {
          return (values ??= float64Values(file, field.name));
        },
      });
    } else if (type === 'string') {
      const { codes, dictionary } = dictionaryColumn(file, field.name);
      columns.push({ name, type, codes, dictionary });
    } else {
      columns.push({ name, type, values: float64Values(file, field.name) });
    }
  }
  return columns;
}
