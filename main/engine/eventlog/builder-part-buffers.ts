import type { BuilderPart } from './event-log-builder.ts';

/**
 * The buffers under a builder part's columns: what a parsing thread moves to the merging thread
 * (postMessage's transfer list) instead of copying them; they are unusable where they came from.
 */
export function partBuffers(part: BuilderPart): ArrayBuffer[] {
  const arrays: (Int32Array | Float64Array | null)[] = [
    part.caseCode,
    part.activity,
    part.timestamp,
    part.resource,
    part.sourceRow,
    part.startTimestamp,
  ];
  for (const column of [...part.eventColumns, ...part.caseColumns]) arrays.push(column.codes, column.values);
  const buffers = new Set<ArrayBuffer>();
  for (const array of arrays) if (array !== null && array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  return [...buffers];
}
