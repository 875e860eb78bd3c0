/**
 * CSV tokenizing alone, no event log: `csv-tokenize.ts FILE gemba|papaparse|papaparse-step|csv-parse`.
 * Every side reads the same file through a Node read stream in 1 MiB chunks and only counts rows,
 * fields and field characters (the counts let the bench check that all sides split alike).
 * - gemba: CsvTokenizer, rows handed over as byte ranges (no strings), as parseCsvLog uses it.
 * - papaparse: Papa.parse on the read stream (UTF-8 text), rows delivered per chunk (`chunk`), or
 *   papaparse-step: one callback per row (`step`). Papaparse switches to its split-based fast mode
 *   by itself when a chunk holds no quote character.
 * - csv-parse: the streaming parser piped from the read stream, records read as they come.
 * A blank row (one empty field) is skipped by every side, as parseCsvLog skips it.
 */
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { parse as csvParse } from 'csv-parse';
import { unquote, type CsvFields } from '../../main/engine/import/csv/csv-fields.ts';
import { CsvTokenizer, ESCAPED } from '../../main/engine/import/csv/csv-tokenizer.ts';
import { measureTask } from '../lib/task.ts';

const CHUNK_BYTES = 1 << 20;
const [file, parser] = process.argv.slice(2);

interface Counts {
  rows: number;
  fields: number;
  fieldChars: number;
}

/** Rows of string fields, as both libraries give them. */
function countStringRows(counts: Counts, rows: readonly string[][]): void {
  for (const row of rows) {
    if (row.length === 1 && row[0] === '') continue;
    counts.rows++;
    counts.fields += row.length;
    for (const field of row) counts.fieldChars += field.length;
  }
}

async function gemba(): Promise<Counts> {
  const counts: Counts = { rows: 0, fields: 0, fieldChars: 0 };
  const sink = {
    row(bytes: Buffer, f: CsvFields) {
      if (f.count === 1 && f.starts[0] === f.ends[0] && f.kinds[0] !== ESCAPED) return;
      counts.rows++;
      counts.fields += f.count;
      // Bytes, not characters: equal to the libraries' string lengths on an ASCII file.
      for (let k = 0; k < f.count; k++)
        counts.fieldChars +=
          f.kinds[k] === ESCAPED ? unquote(bytes, f.starts[k], f.ends[k], 34).length : f.ends[k] - f.starts[k];
    },
    oversized() {
      throw new Error('unexpected oversized row');
    },
  };
  const tokenizer = new CsvTokenizer(44, 34, sink, file);
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>)
    tokenizer.push(chunk);
  tokenizer.finish();
  return counts;
}

/** `chunk`: rows handed over per input chunk; `step`: one callback per row (papaparse's two streaming modes). */
function papaparse(mode: 'chunk' | 'step'): Promise<Counts> {
  const counts: Counts = { rows: 0, fields: 0, fieldChars: 0 };
  const one: string[][] = [[]];
  return new Promise((resolve, reject) => {
    const check = (results: Papa.ParseResult<unknown>) => {
      if (results.errors.length > 0)
        reject(new Error(`papaparse: ${results.errors[0].message} (row ${results.errors[0].row})`));
    };
    Papa.parse<string[]>(createReadStream(file, { highWaterMark: CHUNK_BYTES, encoding: 'utf8' }), {
      delimiter: ',',
      ...(mode === 'chunk'
        ? {
            chunk: (results: Papa.ParseResult<string[]>) => {
              check(results);
              countStringRows(counts, results.data);
            },
          }
        : {
            step: (results: Papa.ParseStepResult<string[]>) => {
              if (results.errors.length > 0) reject(new Error(`papaparse: ${results.errors[0].message}`));
              one[0] = results.data;
              countStringRows(counts, one);
            },
          }),
      complete: () => resolve(counts),
      error: (error: Error) => reject(error),
    });
  });
}

async function csvParseStream(): Promise<Counts> {
  const counts: Counts = { rows: 0, fields: 0, fieldChars: 0 };
  const records = createReadStream(file, { highWaterMark: CHUNK_BYTES }).pipe(csvParse({ delimiter: ',' }));
  const batch: string[][] = [];
  for await (const record of records as AsyncIterable<string[]>) {
    batch.push(record);
    if (batch.length === 1024) {
      countStringRows(counts, batch);
      batch.length = 0;
    }
  }
  countStringRows(counts, batch);
  return counts;
}

const sides: Record<string, () => Promise<Counts>> = {
  gemba,
  papaparse: () => papaparse('chunk'),
  'papaparse-step': () => papaparse('step'),
  'csv-parse': csvParseStream,
};
const run = sides[parser];
if (!run) throw new Error(`usage: csv-tokenize.ts FILE ${Object.keys(sides).join('|')}`);
await measureTask(async () => ({ parser, ...(await run()) }));
