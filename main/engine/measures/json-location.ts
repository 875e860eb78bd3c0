/**
 * Where a value sits in a JSON text: the line of `/measures/3/unit` in a hand-edited file, so an
 * error can point at it. A small scanner over text that JSON.parse already accepted; it records
 * the offset of every value by its JSON pointer (RFC 6901).
 */
export function jsonValueOffsets(text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const readString = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (pointer: string): void => {
    skipSpace();
    offsets.set(pointer, i);
    const ch = text[i];
    if (ch === '{') {
      i++;
      skipSpace();
      while (text[i] !== '}' && i < text.length) {
        const key = readString();
        skipSpace();
        i++; // colon
        value(`${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
        skipSpace();
        if (text[i] === ',') i++;
        skipSpace();
      }
      i++;
    } else if (ch === '[') {
      i++;
      skipSpace();
      for (let k = 0; text[i] !== ']' && i < text.length; k++) {
        value(`${pointer}/${k}`);
        skipSpace();
        if (text[i] === ',') i++;
        skipSpace();
      }
      i++;
    } else if (ch === '"') {
      readString();
    } else {
      while (i < text.length && !',}] \t\r\n'.includes(text[i])) i++;
    }
  };
  value('');
  return offsets;
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The line of the value at `pointer`, or of its nearest ancestor that exists (a missing field points at its object). */
export function lineOfPointer(
  text: string,
  pointer: string,
  offsets = jsonValueOffsets(text),
): { line: number; column: number } | null {
  let p = pointer;
  for (;;) {
    const at = offsets.get(p);
    if (at !== undefined) return lineAndColumn(text, at);
    if (p === '') return null;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}
