import { MAX_ATTRIBUTE_COLUMNS, type BuilderPartColumn, type EventLogBuilder } from '../../eventlog/index.ts';
import { REJECTED_SAMPLE_LIMIT } from '../parsed-log.ts';
import type { XesLogReader } from './xes-log-reader.ts';
import type { XesPiecePart } from './xes-piece-types.ts';
import { addTallies } from './xes-read-tallies.ts';

/**
 * Appends the second piece of an XES file to the reader that read the first, so that the log,
 * its dictionaries, rejected rows and notes are what one reader of the whole file makes; false,
 * with the reader untouched, when that cannot be done (the caller then reads on in one pass):
 * - a case of the piece already exists (a trace repeats a case id across the split: the one pass
 *   joins it and overwrites its attributes);
 * - the new attribute keys would pass MAX_ATTRIBUTE_COLUMNS (which keys are dropped depends on order).
 *
 * Columns are matched by name: a piece makes its columns in the order it meets keys, and the one
 * pass would have made those the first reader lacks in that same order, after its own.
 * `lineOffset` is added to the piece's lines (line 1 of the piece is line lineOffset + 1).
 */
export function appendXesPiece(reader: XesLogReader, piece: XesPiecePart, lineOffset: number): boolean {
  const builder = reader.builder;
  const part = piece.part;
  if (part.caseIds.some((id) => builder.hasCase(id))) return false;
  if (!fits(builder, 'event', part.eventColumns) || !fits(builder, 'case', part.caseColumns)) return false;

  const casesBefore = builder.caseCount;
  const events = part.activity.length;
  const byIndex = new Map<number, BuilderPartColumn>();
  for (const column of part.eventColumns) byIndex.set(builder.eventAttribute(column.name, column.type).index, column);
  const eventColumns = builder.attributeNames('event').map((name, k) => byIndex.get(k) ?? noValues(name, events));
  builder.appendPart({ ...part, eventColumns, caseColumns: [] }, lineOffset);
  // appendPart adds all the piece's cases in its order, those whose events were all set aside too:
  // the one pass made each when its trace's first event came, and a dropped case's attribute
  // values stay in the columns' dictionaries. None existed before, so case c is casesBefore + c.
  if (builder.caseCount !== casesBefore + part.caseIds.length)
    throw new Error('appendXesPiece: the piece’s cases were not all added in order');

  // Each case of the piece got its attributes once, in case order: set them so, column by column.
  for (const column of part.caseColumns) {
    const handle = builder.caseAttribute(column.name, column.type);
    for (let c = 0; c < part.caseIds.length; c++) {
      if (column.codes !== null) {
        const code = column.codes[c];
        if (code >= 0) builder.setCaseAttribute(casesBefore + c, handle, column.dictionary![code], 'string');
      } else {
        const value = column.values![c];
        if (value === value) builder.setCaseAttribute(casesBefore + c, handle, value, column.type);
      }
    }
  }

  reader.eventsRead += piece.eventsRead;
  reader.rejectedCount += piece.rejectedCount;
  for (const row of piece.rejected) {
    if (reader.rejected.length >= REJECTED_SAMPLE_LIMIT) break;
    reader.rejected.push({ line: row.line + lineOffset, reason: row.reason });
  }
  addTallies(reader.tallies, piece.tallies);
  reader.closedRoot = true;
  return true;
}

function fits(builder: EventLogBuilder, scope: 'event' | 'case', columns: BuilderPartColumn[]): boolean {
  const names = builder.attributeNames(scope);
  const known = new Set(names);
  const added = columns.filter((c) => !known.has(c.name)).length;
  return names.length + added <= MAX_ATTRIBUTE_COLUMNS;
}

/** A column the piece never met: no value on any of its events. */
function noValues(name: string, events: number): BuilderPartColumn {
  return { name, type: 'string', codes: new Int32Array(events).fill(-1), dictionary: [], values: null };
}
