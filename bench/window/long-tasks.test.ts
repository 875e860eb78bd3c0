import { describe, expect, it } from 'vitest';
import { longTasksByPhase, phasesBetween } from './long-tasks.ts';

describe('longTasksByPhase', () => {
  it('sorts tasks into phases by start and counts them against 50 and 200 ms', () => {
    const phases = phasesBetween(
      [
        { name: 'paint', at: 0 },
        { name: 'import', at: 1000 },
      ],
      5000,
    );
    expect(phases).toEqual([
      { name: 'paint', start: 0, end: 1000 },
      { name: 'import', start: 1000, end: 5000 },
    ]);
    // A task starting at 999 belongs to 'paint' even though it runs into 'import'; one at 5000 to neither.
    const result = longTasksByPhase(
      [
        { start: 3000, duration: 50 },
        { start: 10, duration: 120 },
        { start: 999, duration: 201 },
        { start: 1200, duration: 200 },
        { start: 5000, duration: 900 },
      ],
      phases,
    );
    expect(result[0]).toMatchObject({
      phase: 'paint',
      ms: 1000,
      longestMs: 201,
      over200: 1,
      over50: 2,
      blockedMs: 321,
    });
    expect(result[0].tasks.map((t) => t.start)).toEqual([10, 999]);
    // exactly 200 ms meets the goal; exactly 50 ms is a long task
    expect(result[1]).toMatchObject({
      phase: 'import',
      ms: 4000,
      longestMs: 200,
      over200: 0,
      over50: 2,
      blockedMs: 250,
    });
  });

  it('gives zeros for a phase without long tasks', () => {
    const [quiet] = longTasksByPhase([{ start: 50, duration: 80 }], [{ name: 'sliders', start: 100, end: 200 }]);
    expect(quiet).toEqual({ phase: 'sliders', ms: 100, longestMs: 0, over200: 0, over50: 0, blockedMs: 0, tasks: [] });
  });
});
