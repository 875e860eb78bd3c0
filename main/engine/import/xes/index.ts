/** XES import: streaming parse of .xes and .xes.gz files into an event log. */
export { parseXesLog, type XesImportOptions } from './parse-xes-log.ts';
export { parseXesDate } from './xes-date.ts';
export { parseXesPiece } from './parse-xes-piece.ts';
export { xesPieceBuffers, type XesPieceInput, type XesPieceResult, type XesPieceRunner } from './xes-piece-types.ts';
