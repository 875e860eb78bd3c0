/**
 * The snapshot written the library way, as Gemba did before arrow-writer.ts: apache-arrow builds
 * each column (vectorFromArray for texts) and tableToIPC copies them into one file-sized array.
 * Same files (fields, types, nulls, metadata) as eventLogToArrowParts; kept for
 * bench/snapshot-write.bench.ts, which measures the two side by side.
 */
import { createRequire } from 'node:module';
import type { Data, Field } from 'apache-arrow';
import type { AttributeColumn, EventLog } from '../../main/engine/eventlog/event-log.ts';

const EVENT_PREFIX = 'attr:';
let nextDictionaryId = 0;

type Arrow = typeof import('apache-arrow');
let arrowModule: Arrow | null = null;

/** apache-arrow, required on first use as Gemba's import did (its load is part of what it cost). */
export function arrow(): Arrow {
  arrowModule ??= createRequire(import.meta.url)('apache-arrow') as Arrow;
  return arrowModule;
}

export function eventLogToArrowWithApacheArrow(log: EventLog): { events: Uint8Array; cases: Uint8Array } {
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
  add(caseFields, caseData, 'case_id', vectorFromArray(log.caseIds as string[], new Utf8()).data[0]!);
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
  for (let i = 0; i < codes.length; i++) if (codes[i]! < 0) nullCount++;
  let data = codes;
  let nullBitmap: Uint8Array | undefined;
  if (nullCount > 0) {
    data = codes.slice();
    nullBitmap = new Uint8Array((codes.length + 7) >> 3);
    for (let i = 0; i < codes.length; i++) {
      if (codes[i]! < 0) data[i] = 0;
      else nullBitmap[i >> 3]! |= 1 << (i & 7);
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
  if (nullCount === 0) return floatData(column.values);
  const nullBitmap = new Uint8Array((column.values.length + 7) >> 3);
  for (let i = 0; i < column.values.length; i++)
    if (!Number.isNaN(column.values[i])) nullBitmap[i >> 3]! |= 1 << (i & 7);
  return makeData({ type: new Float64(), length: column.values.length, nullCount, nullBitmap, data: column.values });
}
