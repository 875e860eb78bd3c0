import { createRequire } from 'node:module';
import type { Data, Field } from 'apache-arrow';
import type { AttributeColumn, EventLog } from '../eventlog/index.ts';
import { readArrowFile, type ArrowFile } from './arrow-file.ts';

/**
 * The event log as two Arrow IPC files: one row per event, one row per case.
 *
 * Reopening a workspace reads these files and hands their buffers to the EventLog without a
 * per-row pass: Int32/Float64 columns become typed-array views into the file's bytes. Strings are
 * Arrow dictionaries, so the activity column is the same Int32 codes the engine uses. Missing
 * codes (-1 in the engine) are Arrow nulls so that other Arrow readers (DuckDB, pyarrow) see the
 * file correctly. Attribute fields (events and cases alike) are named `attr:<name>` and carry
 * `gemba:type` metadata.
 */

const EVENT_PREFIX = 'attr:';

type Arrow = typeof import('apache-arrow');
let arrowModule: Arrow | null = null;

/**
 * apache-arrow, required on first use rather than imported at start-up: loading it costs a
 * command more than the rest of its start, and commands that never open the log (help, findings,
 * models) should not pay for it. A synchronous require keeps these functions synchronous.
 */
function arrow(): Arrow {
  arrowModule ??= createRequire(import.meta.url)('apache-arrow') as Arrow;
  return arrowModule;
}
let nextDictionaryId = 0;

export interface SnapshotBytes {
  events: Uint8Array;
  cases: Uint8Array;
}

export function eventLogToArrow(log: EventLog): SnapshotBytes {
  const { Dictionary, Field, Int32, makeData, Utf8, vectorFromArray } = arrow();
  const n = log.eventCount;
  const eventFields: Field[] = [];
  const eventData: Data[] = [];
  const add = (fields: Field[], datas: Data[], name: string, data: Data, metadata?: Record<string, string>) => {
    fields.push(
      new Field(
        name,
        data.type,
        data.nullCount > 0 || data.type instanceof Dictionary,
        metadata ? new Map(Object.entries(metadata)) : undefined,
      ),
    );
    datas.push(data);
  };
  add(eventFields, eventData, 'activity', dictionaryData(log.activity, log.activities));
  add(eventFields, eventData, 'timestamp', floatData(log.timestamp), { unit: 'epoch-ms' });
  if (log.startTimestamp)
    add(eventFields, eventData, 'start_timestamp', floatData(log.startTimestamp), { unit: 'epoch-ms' });
  add(eventFields, eventData, 'resource', dictionaryData(log.resource, log.resources));
  add(eventFields, eventData, 'source_row', makeData({ type: new Int32(), length: n, data: log.sourceRow }));
  for (const column of log.eventAttributes) {
    add(eventFields, eventData, EVENT_PREFIX + column.name, attributeData(column), { 'gemba:type': column.type });
  }

  const caseFields: Field[] = [];
  const caseData: Data[] = [];
  add(caseFields, caseData, 'case_id', vectorFromArray(log.caseIds as string[], new Utf8()).data[0]);
  add(
    caseFields,
    caseData,
    'first_event',
    makeData({ type: new Int32(), length: log.caseCount, data: log.caseStart.subarray(0, log.caseCount) }),
  );
  for (const column of log.caseAttributes) {
    add(caseFields, caseData, EVENT_PREFIX + column.name, attributeData(column), { 'gemba:type': column.type });
  }
  return { events: toIpc(eventFields, eventData, n), cases: toIpc(caseFields, caseData, log.caseCount) };
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

function toIpc(fields: Field[], children: Data[], length: number): Uint8Array {
  const { makeData, RecordBatch, Schema, Struct, Table, tableToIPC } = arrow();
  const schema = new Schema(fields);
  const struct = makeData({ type: new Struct(fields), length, children, nullCount: 0 });
  return tableToIPC(new Table(schema, [new RecordBatch(schema, struct)]), 'file');
}

function floatData(values: Float64Array): Data {
  const { Float64, makeData } = arrow();
  return makeData({ type: new Float64(), length: values.length, data: values });
}

/** Int32 codes with -1 for missing become an Arrow dictionary column with a validity bitmap. */
function dictionaryData(codes: Int32Array, dictionary: readonly string[]): Data {
  const { Dictionary, Int32, makeData, Utf8, vectorFromArray } = arrow();
  let nullCount = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i] < 0) nullCount++;
  let data = codes;
  let nullBitmap: Uint8Array | undefined;
  if (nullCount > 0) {
    data = codes.slice();
    nullBitmap = new Uint8Array((codes.length + 7) >> 3);
    for (let i = 0; i < codes.length; i++) {
      if (codes[i] < 0) data[i] = 0;
      else nullBitmap[i >> 3] |= 1 << (i & 7);
    }
  }
  const values = vectorFromArray(dictionary as string[], new Utf8());
  const type = new Dictionary(new Utf8(), new Int32(), nextDictionaryId++, false);
  return makeData({ type, length: codes.length, nullCount, nullBitmap, data, dictionary: values });
}

function attributeData(column: AttributeColumn): Data {
  const { Float64, makeData } = arrow();
  if (column.type === 'string') return dictionaryData(column.codes, column.dictionary);
  let nullCount = 0;
  for (let i = 0; i < column.values.length; i++) if (Number.isNaN(column.values[i])) nullCount++;
  // NaN stays in the values as well as in the bitmap, so our own reader needs no second pass.
  if (nullCount === 0) return floatData(column.values);
  const nullBitmap = new Uint8Array((column.values.length + 7) >> 3);
  for (let i = 0; i < column.values.length; i++)
    if (!Number.isNaN(column.values[i])) nullBitmap[i >> 3] |= 1 << (i & 7);
  return makeData({ type: new Float64(), length: column.values.length, nullCount, nullBitmap, data: column.values });
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
