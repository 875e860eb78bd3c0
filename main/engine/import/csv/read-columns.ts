import { createReadStream } from 'node:fs';
import { InputError } from '../../errors.ts';
import { detectDialect } from './csv-dialect.ts';
import { HEAD_BYTES, readHead } from './csv-head.ts';
import type { CsvFields } from './csv-fields.ts';
import { CsvTokenizer } from './csv-tokenizer.ts';
import { FieldDecoder } from './field-decoder.ts';
import { normalizeName } from './column-mapping.ts';
import { detectNumberFormat, describeNumberFormat, parseNumberText } from './number-format.ts';

/**
 * A few named columns of any CSV with a header line (not only event logs), for commands such as
 * `gemba spc --csv` that chart one column: the file's dialect is detected as for an import, rows
 * are streamed through the same tokenizer, and only the wanted fields are decoded.
 */
export interface CsvColumn {
  name: string;
  /** 1-based field number in the file. */
  field: number;
  texts: string[];
}

export interface CsvColumns {
  fileName: string;
  /** The detected delimiter: a semicolon file reads "1,5" as 1.5. */
  delimiter: string;
  columns: CsvColumn[];
  /** 1-based line of each data row. */
  lines: number[];
}

function findColumn(header: string[], wanted: string, fileName: string): number {
  const exact = header.indexOf(wanted);
  if (exact >= 0) return exact;
  const loose = header.findIndex((h) => normalizeName(h) === normalizeName(wanted));
  if (loose >= 0) return loose;
  throw new InputError(`There is no column "${wanted}".`, {
    file: fileName,
    line: 1,
    hint: `The columns are: ${header.join(', ')}.`,
  });
}

export async function readCsvColumns(path: string, wanted: readonly string[], fileName: string): Promise<CsvColumns> {
  const { head, fileSize } = await readHead(path, HEAD_BYTES).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`Cannot read the file: ${error.code === 'ENOENT' ? 'it does not exist' : error.message}.`, {
      file: fileName,
      hint: 'Check the path.',
    });
  });
  if (fileSize === 0)
    throw new InputError('The file is empty.', {
      file: fileName,
      line: 1,
      hint: 'Choose a CSV file with a header line and rows of data.',
    });
  const dialect = detectDialect(head, head.length >= fileSize);
  const decoder = new FieldDecoder(dialect.encoding, dialect.quote.charCodeAt(0));
  let header: string[] | null = null;
  let indices: number[] = [];
  const texts: string[][] = wanted.map(() => []);
  const lines: number[] = [];
  const tokenizer = new CsvTokenizer(
    dialect.delimiter.charCodeAt(0),
    dialect.quote.charCodeAt(0),
    {
      row(bytes: Buffer, fields: CsvFields, line: number) {
        if (fields.count === 1 && fields.starts[0] === fields.ends[0]) return; // blank line
        if (header === null) {
          const stored = Math.min(fields.count, fields.capacity);
          header = [];
          for (let k = 0; k < stored; k++)
            header.push(decoder.text(bytes, fields.starts[k], fields.ends[k], fields.kinds[k]).trim());
          indices = wanted.map((w) => findColumn(header!, w, fileName));
          return;
        }
        indices.forEach((k, j) => {
          if (k >= fields.count || k >= fields.capacity) {
            throw new InputError(
              `The row has ${fields.count} fields, so there is no "${wanted[j]}" (field ${k + 1}).`,
              {
                file: fileName,
                line,
                hint: 'Every row needs as many fields as the header line.',
              },
            );
          }
          texts[j].push(decoder.text(bytes, fields.starts[k], fields.ends[k], fields.kinds[k]).trim());
        });
        lines.push(line);
      },
      oversized(line: number, reason: string) {
        throw new InputError(`The row cannot be read: ${reason}.`, {
          file: fileName,
          line,
          hint: 'Fix or remove the row.',
        });
      },
    },
    fileName,
  );
  let skip = dialect.bomLength;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buffer = chunk as Buffer;
    tokenizer.push(skip > 0 ? buffer.subarray(skip) : buffer);
    skip = 0;
  }
  tokenizer.finish();
  if (header === null || lines.length === 0) {
    throw new InputError('The file has no rows of data under its header line.', {
      file: fileName,
      line: 2,
      hint: 'Choose a CSV with a header line and one row per value.',
    });
  }
  return {
    fileName,
    delimiter: dialect.delimiter,
    columns: wanted.map((name, j) => ({ name, field: indices[j] + 1, texts: texts[j] })),
    lines,
  };
}

/**
 * The numbers of a column, in the convention its values use (decimal comma in semicolon files).
 * An empty or unreadable cell is an error naming its line and column: a chart must not skip data silently.
 */
export function numbersOf(data: CsvColumns, column: CsvColumn): number[] {
  const guess = detectNumberFormat(
    column.texts.filter((t) => t !== ''),
    data.delimiter,
  );
  return column.texts.map((text, i) => {
    const value = text === '' ? NaN : parseNumberText(text, guess.format);
    if (!Number.isFinite(value)) {
      throw new InputError(
        `${text === '' ? 'The cell is empty' : `"${text}" is not a number`} in column "${column.name}".`,
        {
          file: data.fileName,
          line: data.lines[i],
          column: column.field,
          hint: `Fill in a number (written with ${describeNumberFormat(guess.format)}) or remove the row.`,
        },
      );
    }
    return value;
  });
}
