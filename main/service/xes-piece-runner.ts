import type { XesPieceRunner } from '../engine/import/xes/index.ts';
import type { RunOnThread } from './job-kinds.ts';

// The bundle places xes-piece-thread.js beside the code that imports this (scripts/node-bundle.mjs).
const XES_PIECE_ENTRY = new URL(
  import.meta.url.endsWith('.ts') ? '../worker/xes-piece-thread.ts' : './xes-piece-thread.js',
  import.meta.url,
);

/** Reads the second piece of a large XES import on a thread of its own (main/worker/xes-piece-thread.ts). */
export function xesPieceRunner(runOnThread: RunOnThread): XesPieceRunner {
  return (input, signal) => runOnThread(XES_PIECE_ENTRY, input, signal, () => undefined);
}
