import { parseCsvPiece, type CsvPieceInput, type CsvPieceResult } from '../engine/import/csv/index.ts';
import { serveThreadJob } from './job-thread-port.ts';

/**
 * The thread one piece of a large CSV import runs on (service/csv-piece-runner.ts starts one per
 * piece): it parses its byte range into columns and answers them for the merge.
 */
serveThreadJob<CsvPieceInput, CsvPieceResult>((input) => parseCsvPiece(input));
