/**
 * A CSV library's tokenizer plus the same building work parseCsvLog does, written the way one
 * would with a library that hands over rows of strings: `csv-library-build.ts FILE papaparse|csv-parse`.
 *
 * Same head analysis and mapping as parseCsvLog (readHead, analyzeHead, suggestMapping), same
 * row rules (blank line skipped, header skipped, wrong width / empty case, activity or timestamp /
 * unreadable timestamp rejected), same timestamp parsers (text entry point), the same
 * EventLogBuilder; dictionary codes come from the builder's string lookups instead of Gemba's
 * byte interner, since the library has already made the strings. Time zone UTC on both sides.
 * Reports the digest of the finished log, which the bench compares with parseCsvLog's.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import Papa from 'papaparse';
import { parse as csvParse } from 'csv-parse';
import type { AttributeType } from '../../preload/api.ts';
import { EventLogBuilder, type AttributeHandle } from '../../main/engine/eventlog/event-log-builder.ts';
import { analyzeHead, readHead } from '../../main/engine/import/csv/csv-head.ts';
import { suggestMapping } from '../../main/engine/import/csv/column-mapping.ts';
import { readBoolean } from '../../main/engine/import/csv/value-readers.ts';
import { timestampParser, type TimestampTextParser } from '../../main/engine/import/timestamps/index.ts';
import { logDigest } from '../lib/log-digest.ts';
import { measureTask } from '../lib/task.ts';

const CHUNK_BYTES = 1 << 20;
const ZONE = 'UTC';
const [file, library] = process.argv.slice(2);
if (library !== 'papaparse' && library !== 'csv-parse')
  throw new Error('usage: csv-library-build.ts FILE papaparse|csv-parse');

interface AttributeReader {
  column: number;
  type: AttributeType;
  handle: AttributeHandle;
  date: TimestampTextParser | null;
}

const isBlank = (text: string) => text.trim() === '';

await measureTask(async () => {
  const { head: headBytes, fileSize } = await readHead(file);
  const head = analyzeHead(headBytes, fileSize, basename(file));
  const { mapping } = suggestMapping(head.columns, ZONE);
  const column = (name: string | null | undefined) => (name ? head.header.indexOf(name) : -1);
  const caseColumn = column(mapping.case);
  const activityColumn = column(mapping.activity);
  const timestampColumn = column(mapping.timestamp);
  const resourceColumn = column(mapping.resource);
  const startColumn = column(mapping.startTimestamp);
  if (caseColumn < 0 || activityColumn < 0 || timestampColumn < 0)
    throw new Error('no case, activity or timestamp column suggested');
  const readTimestamp = timestampParser(head.columns[timestampColumn].timestampFormat!.id, ZONE);
  const readStart =
    startColumn >= 0
      ? timestampParser(
          head.columns[startColumn].timestampFormat?.id ?? head.columns[timestampColumn].timestampFormat!.id,
          ZONE,
        )
      : null;

  const builder = new EventLogBuilder();
  const roles = new Set([caseColumn, activityColumn, timestampColumn, resourceColumn, startColumn]);
  const readers = head.columns
    .filter((c) => !roles.has(c.index))
    .map((c) => {
      const ofCase = c.name.startsWith('case:') && c.name.length > 5;
      const name = ofCase ? c.name.slice(5) : c.name;
      const format = c.inferredType === 'date' ? (c.timestampFormat?.id ?? null) : null;
      const reader: AttributeReader = {
        column: c.index,
        type: c.inferredType === 'date' && !format ? 'string' : c.inferredType,
        handle: ofCase ? builder.caseAttribute(name, c.inferredType) : builder.eventAttribute(name, c.inferredType),
        date: format ? timestampParser(format, ZONE) : null,
      };
      return { ofCase, reader };
    });
  const eventReaders = readers.filter((r) => !r.ofCase).map((r) => r.reader);
  const caseReaders = readers.filter((r) => r.ofCase).map((r) => r.reader);
  const width = head.header.length;

  let headerPending = head.hasHeader;
  let line = 0;
  let rowsRead = 0;
  let rejected = 0;
  let knownCases = 0;
  const setAttribute = (r: AttributeReader, text: string, caseIndex: number) => {
    if (text === '') return;
    let value: string | number | boolean = text;
    let type: AttributeType = r.type;
    if (r.type === 'number' || r.type === 'date') {
      const v = r.type === 'number' ? Number(text) : r.date!(text);
      if (v === v) value = v;
      else type = 'string';
    } else if (r.type === 'boolean') {
      const v = readBoolean(text);
      if (v === null) type = 'string';
      else value = v;
    }
    if (caseIndex < 0) builder.setEventAttribute(r.handle, value, type);
    else builder.setCaseAttribute(caseIndex, r.handle, value, type);
  };
  // The file has no quoted newlines, so the row's ordinal is its line (parseCsvLog keeps real lines).
  const row = (fields: string[]) => {
    line++;
    if (fields.length === 1 && fields[0] === '') return;
    if (headerPending) {
      headerPending = false;
      return;
    }
    rowsRead++;
    if (
      fields.length !== width ||
      isBlank(fields[caseColumn]) ||
      isBlank(fields[activityColumn]) ||
      isBlank(fields[timestampColumn])
    ) {
      rejected++;
      return;
    }
    const timestamp = readTimestamp(fields[timestampColumn]);
    let start = NaN;
    if (readStart && !isBlank(fields[startColumn])) start = readStart(fields[startColumn]);
    if (timestamp !== timestamp || (readStart && !isBlank(fields[startColumn]) && start !== start)) {
      rejected++;
      return;
    }
    const caseIndex = builder.caseIndex(fields[caseColumn]);
    const resource = resourceColumn >= 0 ? builder.resourceCode(fields[resourceColumn]) : -1;
    builder.addEventByCodes(caseIndex, builder.activityCode(fields[activityColumn]), timestamp, resource, line, start);
    for (const r of eventReaders) setAttribute(r, fields[r.column], -1);
    if (caseReaders.length > 0 && caseIndex === knownCases) {
      knownCases++;
      for (const r of caseReaders) setAttribute(r, fields[r.column], caseIndex);
    }
  };

  const delimiter = head.dialect.delimiter;
  const quoteChar = head.dialect.quote;
  if (library === 'papaparse') {
    await new Promise<void>((resolve, reject) => {
      Papa.parse<string[]>(createReadStream(file, { highWaterMark: CHUNK_BYTES, encoding: 'utf8' }), {
        delimiter,
        quoteChar,
        chunk: (results) => {
          for (const fields of results.data) row(fields);
        },
        complete: () => resolve(),
        error: (error: Error) => reject(error),
      });
    });
  } else {
    const records = createReadStream(file, { highWaterMark: CHUNK_BYTES }).pipe(
      csvParse({ delimiter, quote: quoteChar, relax_column_count: true, bom: true }),
    );
    for await (const fields of records as AsyncIterable<string[]>) row(fields);
  }
  const log = builder.finish();
  return { library, rowsRead, rejected, events: log.eventCount, cases: log.caseCount, digest: logDigest(log) };
});
