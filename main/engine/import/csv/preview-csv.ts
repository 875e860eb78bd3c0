import { basename } from 'node:path';
import type { CsvPreview } from '../../../../preload/api.ts';
import { machineTimeZone } from '../timestamps/index.ts';
import { suggestMapping } from './column-mapping.ts';
import { analyzeHead, numberColumnNotes, readHead } from './csv-head.ts';

/** Rows shown in the mapping screen. */
const PREVIEW_ROWS = 20;

/**
 * What the mapping screen shows before an import: dialect, header, the first rows, a profile
 * of each column and a suggested mapping, with sentences that explain every guess. Reads only
 * the first megabyte of the file.
 */
export async function previewCsv(path: string, fileName: string = basename(path)): Promise<CsvPreview> {
  const { head, fileSize } = await readHead(path);
  const analysis = analyzeHead(head, fileSize, fileName);
  const suggestion = suggestMapping(analysis.columns, machineTimeZone());
  return {
    fileName,
    fileSize,
    encoding: analysis.dialect.encoding,
    hasBom: analysis.dialect.hasBom,
    delimiter: analysis.dialect.delimiter,
    quote: analysis.dialect.quote,
    header: analysis.header,
    rows: analysis.rows.slice(0, PREVIEW_ROWS),
    columns: analysis.columns,
    suggested: suggestion.mapping,
    notes: [...analysis.notes, ...suggestion.notes, ...numberColumnNotes(analysis)],
  };
}
