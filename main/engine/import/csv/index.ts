/** CSV import: preview with inferred dialect and mapping, and the streaming parser. */
export { previewCsv } from './preview-csv.ts';
export { parseCsvLog } from './parse-csv-log.ts';
export { suggestMapping, normalizeName } from './column-mapping.ts';
export { parseCsvPiece, pieceBuffers } from './parse-csv-piece.ts';
export type { CsvPieceInput, CsvPieceResult, CsvPieceRunner } from './csv-piece-types.ts';
