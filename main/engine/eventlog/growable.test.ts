import { describe, expect, it } from 'vitest';
import { GrowableFloat64, GrowableInt32 } from './growable.ts';

describe('Growable arrays', () => {
  it('reserve keeps the values and makes room without changing the length', () => {
    const a = new GrowableInt32(2);
    for (const v of [5, 6, 7]) a.push(v);
    a.reserve(100);
    expect(a.length).toBe(3);
    expect([...a.view()]).toEqual([5, 6, 7]);
    a.append(Int32Array.from({ length: 97 }, (_, i) => i));
    expect(a.length).toBe(100);
    expect(a.get(99)).toBe(96);
  });

  it('view pads with the fill value and equals toArray, inside the capacity and past it', () => {
    const a = new GrowableFloat64(8);
    a.push(1.5);
    a.set(3, 2.5, NaN);
    // Within capacity: [1.5, NaN, NaN, 2.5, NaN, NaN] by hand.
    expect([...a.view(6, NaN)]).toEqual([1.5, NaN, NaN, 2.5, NaN, NaN]);
    expect([...a.toArray(6, NaN)]).toEqual([...a.view(6, NaN)]);
    // Past the capacity of 8 the view is a copy of the right length, padded from the length (4).
    expect([...a.view(10, -1)]).toEqual([1.5, NaN, NaN, 2.5, -1, -1, -1, -1, -1, -1]);
    const b = new GrowableInt32(4);
    b.push(9);
    expect(b.view().length).toBe(1);
    expect(b.view(3, -1)).toEqual(Int32Array.from([9, -1, -1]));
  });

  it('appendSlots adds values filled in place, growing when needed', () => {
    const a = new GrowableInt32(2);
    a.push(1);
    const slots = a.appendSlots(3);
    slots.set([7, 8, 9]);
    expect(a.length).toBe(4);
    expect([...a.view()]).toEqual([1, 7, 8, 9]);
  });
});
