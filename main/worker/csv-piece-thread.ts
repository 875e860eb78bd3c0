import { parseCsvPiece, pieceBuffers, type CsvPieceInput, type CsvPieceResult } from '../engine/import/csv/index.ts';
import { serveThreadJob } from './job-thread-port.ts';

/**
 * The thread one piece of a large CSV import runs on (service/csv-piece-runner.ts starts one per
 * piece after the first): it parses its byte range into columns and moves them to the merge.
 */
serveThreadJob<CsvPieceInput, CsvPieceResult>((input) => parseCsvPiece(input), pieceBuffers);
