import { describe, expect, it } from 'vitest';
import { logFromTraces } from '../../main/engine/analysis/logs.fixture.ts';
import { cell, encodeCases, fitProcessStatistics } from './index.ts';

/*
 * Three cases worked by hand (minutes after Monday 2024-01-01 00:00 UTC):
 *   c1: a@0 r1, b@60 r2, c@120 r1      c2: a@0 r1, b@120 r2, c@180 r1      c3: a@0 r1, c@60 r3
 * Activities by frequency: a (3), c (3), b (2). Transitions: start→a 3, a→b 2, a→c 1, b→c 2, c→end 3.
 * Smoothing 0.5 over A + 2 = 5 kinds of next step.
 */
const log = logFromTraces(
  {
    c1: [
      { activity: 'a', at: 0, resource: 'r1' },
      { activity: 'b', at: 60, resource: 'r2' },
      { activity: 'c', at: 120, resource: 'r1' },
    ],
    c2: [
      { activity: 'a', at: 0, resource: 'r1' },
      { activity: 'b', at: 120, resource: 'r2' },
      { activity: 'c', at: 180, resource: 'r1' },
    ],
    c3: [
      { activity: 'a', at: 0, resource: 'r1' },
      { activity: 'c', at: 60, resource: 'r3' },
    ],
  },
  { c1: { value: 10, team: 'x' }, c2: { value: 20, team: 'x' }, c3: { value: 30, team: 'y' } },
);
const stats = fitProcessStatistics(log);
const m = encodeCases(log, stats);
const col = (name: string) => {
  const f = m.features.findIndex((s) => s.name === name);
  if (f < 0) throw new Error(`no feature ${name}`);
  return [0, 1, 2].map((r) => cell(m, r, f));
};

describe('encodeCases on a hand-worked log', () => {
  it('orders activities by frequency and counts transitions', () => {
    expect(stats.activities).toEqual(['a', 'c', 'b']);
    const at = (from: number, to: number) => stats.transitions[from * 4 + to];
    expect([at(3, 0), at(0, 2), at(0, 1), at(2, 1), at(1, 3)]).toEqual([3, 2, 1, 2, 3]);
  });

  it('measures transition surprise under the log’s own directly-follows frequencies', () => {
    const common = -Math.log(3.5 / 5.5); // start→a and c→end: 3 of 3
    const rare = -Math.log(1.5 / 5.5); // a→c: 1 of 3
    expect(col('largest transition surprise')[2]).toBeCloseTo(rare, 5);
    expect(col('total transition surprise')[2]).toBeCloseTo(2 * common + rare, 5);
    expect(col('total transition surprise')[0]).toBeCloseTo(2 * common - Math.log(2.5 / 5.5) - Math.log(2.5 / 4.5), 5);
  });

  it('gives waits in hours, robust z against the activity’s usual wait, events and duration', () => {
    expect(col('waiting time before b')).toEqual([1, 2, NaN]);
    expect(col('events')).toEqual([3, 3, 2]);
    expect(col('case duration')).toEqual([2, 3, 1]);
    // b waits log1p(1), log1p(2): median in between, MAD half their gap; c2's z = 0.5·gap / (1.4826 · 0.5·gap).
    expect(col('longest wait against its usual')[1]).toBeCloseTo(1 / 1.4826, 4);
    expect(col('longest wait against its usual')[0]).toBe(0);
  });

  it('rates resources, missing steps and categories by smoothed rarity', () => {
    // r3 did 1 of 3 c events; kinds = 2 resources + 1 unseen.
    expect(col('unusual resource at c')[2]).toBeCloseTo(-Math.log(1.5 / 4.5), 5);
    expect(col('unusual resource at c')[0]).toBeCloseTo(-Math.log(2.5 / 4.5), 5);
    // Too few cases for a split: b is present in 2 of 3 cases, smoothed (2+1)/(3+2).
    expect(col('b missing')).toEqual([0, 0, Math.fround(-Math.log(1 - 3 / 5))]);
    expect(col('rare team')[2]).toBeCloseTo(-Math.log(1.5 / 4.5), 5);
    expect(col('value')).toEqual([10, 20, 30]);
  });

  it('counts night and weekend events (UTC unless a time zone is given)', () => {
    expect(col('events at night (22:00–06:00)')).toEqual([3, 3, 2]);
    expect(col('events on Sunday')).toEqual([0, 0, 0]);
    // Monday 00:00–03:00 UTC is Sunday evening in Chicago (UTC−6 in January).
    const shifted = encodeCases(log, fitProcessStatistics(log, { timeZone: 'America/Chicago' }));
    const sunday = shifted.features.findIndex((s) => s.name === 'events on Sunday');
    expect(cell(shifted, 0, sunday)).toBe(3);
  });

  it('encodes a new log against the training statistics: unseen steps and resources are rare, not errors', () => {
    const fresh = logFromTraces({
      n1: [
        { activity: 'a', at: 0, resource: 'r9' },
        { activity: 'z', at: 30 },
        { activity: 'c', at: 90, resource: 'r1' },
      ],
    });
    const e = encodeCases(fresh, stats);
    const f = (name: string) =>
      cell(
        e,
        0,
        e.features.findIndex((s) => s.name === name),
      );
    // a→z and z→c are both unseen: count 0 of a's 3 successors (the larger surprise), and 0 of 0 from z.
    expect(f('largest transition surprise')).toBeCloseTo(-Math.log(0.5 / 5.5), 5);
    expect(f('total transition surprise')).toBeCloseTo(
      -Math.log(3.5 / 5.5) - Math.log(0.5 / 5.5) - Math.log(0.5 / 2.5) - Math.log(3.5 / 5.5),
      5,
    );
    expect(f('unusual resource at a')).toBeCloseTo(-Math.log(0.5 / 4), 5);
    expect(f('value')).toBeNaN();
    expect(e.features.map((s) => s.name)).toEqual(m.features.map((s) => s.name));
  });

  it('encodes identically from statistics saved as JSON and read back (what the registry stores)', () => {
    const reread = JSON.parse(JSON.stringify(stats)) as typeof stats;
    expect(encodeCases(log, reread).values).toEqual(m.values);
  });

  it('keeps only the cases of a mask', () => {
    const masked = encodeCases(log, stats, { mask: Uint8Array.from([0, 1, 0]) });
    expect(masked.rows).toBe(1);
    expect(Array.from(masked.cases)).toEqual([1]);
    expect(masked.values).toEqual(m.values.slice(m.columns, 2 * m.columns));
  });
});
