import { describe, expect, it } from 'vitest';
import { StringDictionary } from './dictionary.ts';

describe('StringDictionary.merge', () => {
  it('gives the codes that code() gives value by value, and later lookups see merged values', () => {
    const merged = new StringDictionary();
    const oneByOne = new StringDictionary();
    for (const v of ['a', 'b']) {
      merged.code(v);
      oneByOne.code(v);
    }
    // 'b' is known, 'c' and 'd' are new: codes 1, 2, 3 by hand.
    expect([...merged.merge(['c', 'b', 'd'])]).toEqual([2, 1, 3]);
    expect(['c', 'b', 'd'].map((v) => oneByOne.code(v))).toEqual([2, 1, 3]);
    expect(merged.values).toEqual(oneByOne.values);
    // Values merged but not yet indexed are found by lookup and code, and not added twice.
    expect(merged.lookup('d')).toBe(3);
    expect(merged.code('c')).toBe(2);
    expect(merged.code('e')).toBe(4);
    expect([...merged.merge(['e', 'f', 'a'])]).toEqual([4, 5, 0]);
    expect(merged.size).toBe(6);
  });
});
