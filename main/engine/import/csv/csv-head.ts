import { open } from 'node:fs/promises';
import type { ColumnProfile } from '../../../../preload/api.ts';
import { InputError } from '../../errors.ts';
import { columnEvidence, profileColumn, type ColumnEvidence } from './column-profile.ts';
import { detectNumberFormat, numberFormatNote } from './number-format.ts';
import { detectDialect, type CsvDialect } from './csv-dialect.ts';
import type { CsvFields } from './csv-fields.ts';
import { CsvTokenizer } from './csv-tokenizer.ts';
import { FieldDecoder } from './field-decoder.ts';

/** The preview and the importer look at this much of the file to decide everything. */
export const HEAD_BYTES = 1 << 20;
export const SAMPLE_ROWS = 2000;
const HEAD_SLICE_BYTES = 1 << 16;

export interface CsvHead {
  fileName: string;
  fileSize: number;
  dialect: CsvDialect;
  hasHeader: boolean;
  /** Unique, non-empty column names. */
  header: string[];
  /** Sampled data rows as text (at most SAMPLE_ROWS). */
  rows: string[][];
  columns: ColumnProfile[];
  notes: string[];
}

export async function readHead(path: string, bytes = HEAD_BYTES): Promise<{ head: Buffer; fileSize: number }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, bytes));
    let filled = 0;
    while (filled < head.length) {
      const { bytesRead } = await handle.read(head, filled, head.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { head: head.subarray(0, filled), fileSize: size };
  } finally {
    await handle.close();
  }
}

/** Decides dialect, header and column types from the head of a file. */
export function analyzeHead(head: Buffer, fileSize: number, fileName: string): CsvHead {
  const isWholeFile = head.length >= fileSize;
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) {
    throw new InputError('The file is UTF-16 encoded, which Gemba does not read.', {
      file: fileName,
      line: 1,
      hint: 'Save it as CSV UTF-8 (in Excel: "CSV UTF-8 (comma delimited)") and import again.',
    });
  }
  const dialect = detectDialect(head, isWholeFile);
  const body = head.subarray(dialect.bomLength);
  if (body.every((c) => c === 10 || c === 13 || c === 32 || c === 9)) {
    throw new InputError('The file is empty.', {
      file: fileName,
      line: 1,
      hint: 'Choose a CSV file with a header line and at least one row of events.',
    });
  }
  refuseBinary(body, fileName);
  const decoder = new FieldDecoder(dialect.encoding, dialect.quote.charCodeAt(0));
  const records: string[][] = [];
  const lines: number[] = [];
  let rowsBeyondSample = false;
  const tokenizer = new CsvTokenizer(
    dialect.delimiter.charCodeAt(0),
    dialect.quote.charCodeAt(0),
    {
      row(bytes: Buffer, fields: CsvFields, line: number) {
        if (fields.count === 1 && fields.starts[0] === fields.ends[0]) return; // blank line
        if (records.length > SAMPLE_ROWS) {
          rowsBeyondSample = true;
          return;
        }
        const values: string[] = [];
        const stored = Math.min(fields.count, fields.capacity);
        for (let k = 0; k < stored; k++)
          values.push(decoder.text(bytes, fields.starts[k], fields.ends[k], fields.kinds[k]));
        records.push(values);
        lines.push(line);
      },
      oversized() {},
    },
    fileName,
  );
  // In slices, so that a head cut off from a longer file stops being read once the sample is
  // full: nothing after that row changes the outcome (the tokenizer finds the same rows
  // whatever the slices). The whole of a short file is read, to its last row and open quote.
  for (let at = 0; at < body.length && (isWholeFile || !rowsBeyondSample); at += HEAD_SLICE_BYTES)
    tokenizer.push(body.subarray(at, at + HEAD_SLICE_BYTES));
  if (isWholeFile) tokenizer.finish();
  else if (records.length <= 1 && tokenizer.openQuoteLine > 0) {
    const line = tokenizer.openQuoteLine;
    throw new InputError(
      `A quote opened on line ${line} is still not closed a megabyte later, so the rest of the file would be one field.`,
      {
        file: fileName,
        line,
        hint: 'Close the quote or double it ("") where it is meant as a character, then import again.',
      },
    );
  }
  if (records.length === 0) {
    throw new InputError('The file has no complete line in its first megabyte.', {
      file: fileName,
      line: 1,
      hint: 'Check that this is a CSV file.',
    });
  }

  const notes = [...dialect.notes];
  const width = records[0].length;
  if (width < 3) {
    throw new InputError(
      `The first line splits into ${width === 1 ? 'one column' : 'two columns'} with any of comma, semicolon, tab or pipe; an event log needs at least a case, an activity and a timestamp column.`,
      {
        file: fileName,
        line: lines[0],
        hint: 'Check that this is the CSV export of an event log, with one event per line.',
      },
    );
  }
  const rawHeader = records[0];
  const dataRows = records.slice(1);
  const delimiter = dialect.delimiter;
  const evidence = columnEvidences(dataRows, width, delimiter);
  let columns = evidence.map((e, k) => e.profile(`column ${k + 1}`, k));
  // A header cell is never a timestamp: if the first line holds one where the column has
  // timestamps, the file has no header line.
  const firstIsData = columns.some(
    (c) => c.timestampFormat && c.index < rawHeader.length && inferReads(c, rawHeader[c.index]),
  );
  let header: string[];
  let rows: string[][];
  if (firstIsData) {
    header = rawHeader.map((_, k) => `column ${k + 1}`);
    rows = records.slice(0, SAMPLE_ROWS);
    columns = profileColumns(header, rows, width, delimiter);
    notes.push(
      'The first line holds data, not column names (it has a timestamp), so the columns are named column 1, column 2, …',
    );
  } else {
    header = uniqueNames(rawHeader);
    rows = dataRows.slice(0, SAMPLE_ROWS);
    if (rows.length === 0) {
      throw new InputError('The file has a header line but no rows of data.', {
        file: fileName,
        line: 2,
        hint: 'Export the log again with its events, or choose another file.',
      });
    }
    // The same rows as above (dataRows holds at most SAMPLE_ROWS): only the names are new.
    columns = evidence.map((e, k) => e.profile(header[k], k));
  }
  // Counts over a sample of a longer file are lower bounds: say so rather than show them as exact.
  if (rowsBeyondSample || !isWholeFile || (firstIsData && records.length > SAMPLE_ROWS))
    for (const column of columns) column.distinctCapped = true;
  return { fileName, fileSize, dialect, hasHeader: !firstIsData, header, rows, columns, notes };
}

/** Sentences for the number columns whose values show a convention (decimal comma, thousands). */
export function numberColumnNotes(head: CsvHead): string[] {
  const notes: string[] = [];
  for (const column of head.columns) {
    if (column.inferredType !== 'number') continue;
    const values = head.rows.map((r) => (r[column.index] ?? '').trim()).filter((v) => v !== '');
    const note = numberFormatNote(
      column.name,
      detectNumberFormat(values, head.dialect.delimiter),
      head.dialect.delimiter,
    );
    if (note) notes.push(note);
  }
  return notes;
}

function inferReads(column: ColumnProfile, value: string): boolean {
  // Re-run inference on the value alone with the column's format as the only acceptable answer.
  return (
    value.trim() !== '' &&
    profileColumn(column.name, column.index, [value]).timestampFormat?.id === column.timestampFormat?.id
  );
}

function columnEvidences(rows: string[][], width: number, delimiter: string): ColumnEvidence[] {
  const evidence: ColumnEvidence[] = [];
  for (let k = 0; k < width; k++) {
    const values = rows.map((r) => r[k] ?? '');
    evidence.push(columnEvidence(values, delimiter));
  }
  return evidence;
}

function profileColumns(names: string[], rows: string[][], width: number, delimiter: string): ColumnProfile[] {
  return columnEvidences(rows, width, delimiter).map((e, k) => e.profile(names[k], k));
}

/** Header names made usable: trimmed, empty ones named by position, repeats numbered. */
export function uniqueNames(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((name, k) => {
    let n = name.trim() || `column ${k + 1}`;
    const times = seen.get(n) ?? 0;
    seen.set(n, times + 1);
    if (times > 0) n = `${n} (${times + 1})`;
    return n;
  });
}

/** Share of control bytes (other than tab, CR, LF, form feed) above which a file is not text. */
const MAX_CONTROL_SHARE = 0.01;

/**
 * Refuses files that are not text (a spreadsheet, an archive, an image renamed .csv): a NUL byte
 * or more than 1% control characters in the head. Reading them as Latin-1 would only produce
 * garbage column names.
 */
function refuseBinary(body: Uint8Array, fileName: string): void {
  let control = 0;
  let line = 1;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === 10) line++;
    else if (c === 0) {
      throw new InputError('The file is not a text file (it holds NUL bytes), so it cannot be a CSV export.', {
        file: fileName,
        line,
        hint: 'Choose the CSV or XES export itself; spreadsheets (.xlsx) must be saved as CSV first.',
      });
    } else if (c < 32 && c !== 9 && c !== 13 && c !== 12) control++;
  }
  if (control > MAX_CONTROL_SHARE * body.length) {
    throw new InputError(
      `The file is not a text file (${control} control bytes in its first ${body.length} bytes), so it cannot be a CSV export.`,
      {
        file: fileName,
        line: 1,
        hint: 'Choose the CSV or XES export itself; spreadsheets (.xlsx) must be saved as CSV first.',
      },
    );
  }
}
