import type { CsvPieceRunner } from '../engine/import/csv/index.ts';
import type { RunOnThread } from './job-kinds.ts';

// The bundle places csv-piece-thread.js beside the code that imports this (scripts/node-bundle.mjs).
const CSV_PIECE_ENTRY = new URL(
  import.meta.url.endsWith('.ts') ? '../worker/csv-piece-thread.ts' : './csv-piece-thread.js',
  import.meta.url,
);

/** Runs each piece of a parallel CSV import on a thread of its own (main/worker/csv-piece-thread.ts). */
export function csvPieceRunner(runOnThread: RunOnThread): CsvPieceRunner {
  return (input, signal) => runOnThread(CSV_PIECE_ENTRY, input, signal, () => undefined);
}
