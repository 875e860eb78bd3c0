import { describe, expect, it } from 'vitest';
import { jsonValueOffsets, lineOfPointer } from './json-location.ts';

describe('where a value sits in a JSON text', () => {
  const text = '{\n  "a": [1, {"b/c": "x\\"y"}],\n  "d": {\n    "e": null\n  }\n}';

  it('finds every value by its JSON pointer', () => {
    const offsets = jsonValueOffsets(text);
    expect(text.slice(offsets.get('/a/0')!, offsets.get('/a/0')! + 1)).toBe('1');
    expect(text.slice(offsets.get('/a/1/b~1c')!).startsWith('"x\\"y"')).toBe(true);
    expect(text.slice(offsets.get('/d/e')!).startsWith('null')).toBe(true);
  });

  it('gives the line and column, falling back to the nearest parent for a missing field', () => {
    expect(lineOfPointer(text, '/d/e')).toEqual({ line: 4, column: 10 });
    expect(lineOfPointer(text, '/d/missing')).toEqual({ line: 3, column: 8 });
    expect(lineOfPointer(text, '/a/1/b~1c')).toEqual({ line: 2, column: 20 });
  });
});
