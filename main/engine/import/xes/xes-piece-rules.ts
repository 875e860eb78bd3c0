/**
 * What a piece of an XES file, read on its own from a `<trace>` in the middle, cannot read as the
 * whole-file parse would, because the answer depends on what came before the piece:
 * - a trace without concept:name is named "trace-<n>" after its ordinal in the whole file;
 * - a trace that repeats a case id joins that case and overwrites its attributes;
 * - text timestamps are read in a format inferred from the file's first ones;
 * - a value set twice on one event or case (a key repeated) leaves its first value in the
 *   column's dictionary though no row shows it, which the merge cannot place;
 * - past MAX_ATTRIBUTE_COLUMNS columns, which keys are dropped depends on the columns before.
 * Meeting one, the piece stops (NeedsWholeFile) and the file is read in one pass instead.
 */
export class NeedsWholeFile extends Error {
  constructor(readonly why: string) {
    super(`This piece cannot be read apart from the file's start: ${why}.`);
    this.name = 'NeedsWholeFile';
  }
}

/** Per attribute column, the event (or trace) that last set it, to see a key repeated in one. */
export class XesPieceRules {
  private eventSetBy: Int32Array = new Int32Array(64);
  private traceSetBy: Int32Array = new Int32Array(64);

  /** Column `index` is set for event number `event` (counted from 1). */
  eventAttribute(index: number, event: number): void {
    this.eventSetBy = checkOnce(this.eventSetBy, index, event, 'a key repeated in one event');
  }

  /** Case column `index` is set for trace number `trace` (counted from 1). */
  traceAttribute(index: number, trace: number): void {
    this.traceSetBy = checkOnce(this.traceSetBy, index, trace, 'a key repeated in one trace');
  }

  namelessTrace(): never {
    throw new NeedsWholeFile('a trace without concept:name, named after its place in the whole file');
  }

  repeatedTrace(): never {
    throw new NeedsWholeFile('a trace that repeats a case id');
  }

  textTimestamp(): never {
    throw new NeedsWholeFile('a timestamp stored as text, read in the format of the file’s first ones');
  }
}

function checkOnce(setBy: Int32Array, index: number, owner: number, why: string): Int32Array {
  if (index < 0) throw new NeedsWholeFile('more attribute keys than a log keeps columns for');
  let table = setBy;
  if (index >= table.length) {
    table = new Int32Array(Math.max(index + 1, table.length * 2));
    table.set(setBy);
  }
  if (table[index] === owner) throw new NeedsWholeFile(why);
  table[index] = owner;
  return table;
}
