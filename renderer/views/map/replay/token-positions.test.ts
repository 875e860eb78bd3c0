import { describe, expect, it } from 'vitest';
import type { ReplayPaths } from '../../../../preload/api.ts';
import { startPointers, tokenPositions, type ReplayGeometry } from './token-positions.ts';

// Two activities: X at (0, 0), Y at (100, 0). Case 0: X at t=0, Y at t=10, X at t=20.
// Case 1: Y at t=5, X at t=15. Case 2: one event only (never a moving token).
const paths: ReplayPaths = {
  activities: ['X', 'Y'],
  caseOffsets: [0, 3, 5, 6],
  activity: [0, 1, 0, 1, 0, 0],
  time: [0, 10, 20, 5, 15, 3],
  startMs: 0,
  endMs: 20_000,
  cases: 3,
};
// The path Y → X is drawn as a detour through (50, 100): half-way along it is (50, 100).
const geometry: ReplayGeometry = {
  centres: Float32Array.from([0, 0, 100, 0]),
  routes: new Map([[1 * 2 + 0, Float32Array.from([100, 0, 50, 100, 0, 0])]]),
};

const at = (t: number, pointer = startPointers(paths)) => {
  const out = new Float32Array(6);
  const n = tokenPositions(paths, pointer, t, geometry, out);
  return Array.from(out.subarray(0, 2 * n));
};

describe('tokenPositions', () => {
  it('moves each case between its events, straight where the map draws no route', () => {
    // t=2.5: case 0 a quarter of the way X → Y (straight); case 1 not started.
    expect(at(2.5)).toEqual([25, 0]);
    // t=10: case 0 just left Y for X along the drawn route (its start); case 1 half-way Y → X.
    expect(at(10)).toEqual([100, 0, 50, 100]);
    // t=15 case 0 half-way along Y → X; case 1 has ended.
    expect(at(15)).toEqual([50, 100]);
    expect(at(20)).toEqual([]);
  });

  it('keeps each case’s place between frames and finds it again after a jump back', () => {
    const pointer = startPointers(paths);
    expect(at(12.5, pointer)).toEqual([75, 50, 25, 50]);
    expect(Array.from(pointer)).toEqual([1, 3, 5]);
    expect(at(2.5, pointer)).toEqual([25, 0]);
    expect(pointer[0]).toBe(0);
  });
});
