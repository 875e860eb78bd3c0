import { parseXesPiece, xesPieceBuffers, type XesPieceInput, type XesPieceResult } from '../engine/import/xes/index.ts';
import { serveThreadJob } from './job-thread-port.ts';

/**
 * The thread the second piece of a large XES import is read on (service/xes-piece-runner.ts
 * starts it while the import's thread reads the first piece): it reads from its `<trace` to the
 * end of the file and moves the columns to the merge.
 */
serveThreadJob<XesPieceInput, XesPieceResult>((input) => parseXesPiece(input), xesPieceBuffers);
