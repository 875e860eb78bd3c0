import { describe, expect, it } from 'vitest';
import type { LogFilter } from '../../../preload/api.ts';
import { InputError } from '../errors.ts';
import { caseMask, filterKey, parseLogFilters, sharedCaseMask } from './filters.ts';
import { BASE_MS, logFromTraces } from './logs.fixture.ts';

// Five hand-built cases; times in minutes from 2024-01-01T00:00Z.
const log = logFromTraces(
  {
    c1: ['A', 'B', 'C', 'D'], // 0..3
    c2: ['A', 'C', 'B', 'D'], // 0..3
    c3: ['A', 'B', 'B', 'D'], // 0..3
    c4: [
      { activity: 'B', at: 100, resource: 'ann', attributes: { amount: 5 } },
      { activity: 'C', at: 160, resource: 'bob', attributes: { amount: 50 } },
    ],
    c5: [
      { activity: 'A', at: 0 },
      { activity: 'X', at: 100 },
      { activity: 'D', at: 200, resource: 'ann' },
    ],
  },
  {
    c1: { region: 'north', size: 1 },
    c2: { region: 'south', size: 2 },
    c3: { region: 'north', size: 3 },
    c4: { region: 'east', size: 4 },
  },
);

const kept = (filters: LogFilter[]) => {
  const mask = caseMask(log, filters);
  return log.caseIds.filter((_, c) => mask[c] === 1);
};
const iso = (minutes: number) => new Date(BASE_MS + minutes * 60_000).toISOString();

describe('caseMask', () => {
  it('keeps everything without filters', () => {
    expect(kept([])).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
  });

  it('case ids: the listed cases, ids the log lacks ignored; a list with none of them is refused', () => {
    expect(kept([{ kind: 'cases', caseIds: ['c4', 'c2', 'gone'] }])).toEqual(['c2', 'c4']);
    expect(kept([{ kind: 'cases', caseIds: ['c4'], negate: true }])).toEqual(['c1', 'c2', 'c3', 'c5']);
    expect(() => kept([{ kind: 'cases', caseIds: ['x', 'y'] }])).toThrow(/none of the 2 case ids/);
    expect(() => parseLogFilters({ kind: 'cases', caseIds: [1, 2] })).toThrow(/"caseIds" must be a list of case ids/);
  });

  it('time range in its four modes', () => {
    // range 50..170 min: c4 (100..160) contained; c5 (0..200) intersects; c1–c3 (0..3) do not
    expect(kept([{ kind: 'timeRange', mode: 'contained', from: iso(50), to: iso(170) }])).toEqual(['c4']);
    expect(kept([{ kind: 'timeRange', mode: 'intersecting', from: iso(50), to: iso(170) }])).toEqual(['c4', 'c5']);
    expect(kept([{ kind: 'timeRange', mode: 'started', from: iso(0), to: iso(10) }])).toEqual(['c1', 'c2', 'c3', 'c5']);
    expect(kept([{ kind: 'timeRange', mode: 'completed', from: iso(150), to: iso(200) }])).toEqual(['c4', 'c5']);
  });

  it('case attribute values and ranges; missing values only when asked', () => {
    expect(kept([{ kind: 'caseAttribute', attribute: 'region', values: ['north'] }])).toEqual(['c1', 'c3']);
    expect(kept([{ kind: 'caseAttribute', attribute: 'region', values: ['north', null] }])).toEqual(['c1', 'c3', 'c5']);
    expect(kept([{ kind: 'caseAttribute', attribute: 'size', min: 2, max: 3 }])).toEqual(['c2', 'c3']);
    expect(kept([{ kind: 'caseAttribute', attribute: 'size', values: [4] }])).toEqual(['c4']);
  });

  it('event attribute and resource: some event matches', () => {
    expect(kept([{ kind: 'eventAttribute', attribute: 'resource', values: ['ann'] }])).toEqual(['c4', 'c5']);
    expect(kept([{ kind: 'eventAttribute', attribute: 'amount', min: 10 }])).toEqual(['c4']);
  });

  it('a range on a text attribute compares the numbers or dates it spells', () => {
    // "amount" and "due" are text: one value in each is not a number or date.
    const widened = logFromTraces(
      { a: ['A'], b: ['A'], c: ['A'], d: ['A'] },
      {
        a: { amount: '5', due: '2024-02-28' },
        b: { amount: '120', due: '2024-03-05' },
        c: { amount: 'n/a', due: 'unknown' },
        d: { amount: '99.5', due: '2024-03-31T23:00:00Z' },
      },
    );
    expect(widened.caseAttributes.map((col) => col.type)).toEqual(['string', 'string']);
    const keptOf = (filter: LogFilter) => {
      const mask = caseMask(widened, [filter]);
      return widened.caseIds.filter((_, c) => mask[c] === 1);
    };
    expect(keptOf({ kind: 'caseAttribute', attribute: 'amount', min: 10, max: 200 })).toEqual(['b', 'd']);
    expect(keptOf({ kind: 'caseAttribute', attribute: 'amount', max: 10, values: ['n/a'] })).toEqual(['a', 'c']);
    expect(keptOf({ kind: 'caseAttribute', attribute: 'due', min: '2024-03-01', max: '2024-03-31T23:59:59Z' })).toEqual(
      ['b', 'd'],
    );
    expect(keptOf({ kind: 'caseAttribute', attribute: 'amount', min: 10, negate: true })).toEqual(['a', 'c']);
  });

  it('activities present, all present, absent', () => {
    expect(kept([{ kind: 'activities', activities: ['C', 'X'], mode: 'any' }])).toEqual(['c1', 'c2', 'c4', 'c5']);
    expect(kept([{ kind: 'activities', activities: ['B', 'C'], mode: 'all' }])).toEqual(['c1', 'c2', 'c4']);
    expect(kept([{ kind: 'activities', activities: ['B'], mode: 'none' }])).toEqual(['c5']);
  });

  it('endpoints', () => {
    expect(kept([{ kind: 'endpoints', start: ['A'], end: ['D'] }])).toEqual(['c1', 'c2', 'c3', 'c5']);
    expect(kept([{ kind: 'endpoints', end: ['C'] }])).toEqual(['c4']);
  });

  it('variants', () => {
    expect(
      kept([
        {
          kind: 'variants',
          variants: [
            ['A', 'B', 'C', 'D'],
            ['B', 'C'],
          ],
        },
      ]),
    ).toEqual(['c1', 'c4']);
    expect(kept([{ kind: 'variants', variants: [['A', 'B', 'D']] }])).toEqual([]);
  });

  it('case duration', () => {
    // durations: c1–c3 3 min, c4 60 min, c5 200 min
    expect(kept([{ kind: 'caseDuration', minSeconds: 3600 }])).toEqual(['c4', 'c5']);
    expect(kept([{ kind: 'caseDuration', maxSeconds: 180 }])).toEqual(['c1', 'c2', 'c3']);
    expect(kept([{ kind: 'caseDuration', minSeconds: 3600, maxSeconds: 3600 }])).toEqual(['c4']);
  });

  it('follower rules: eventually, directly, within a time', () => {
    expect(kept([{ kind: 'follower', from: 'B', to: 'C' }])).toEqual(['c1', 'c4']);
    expect(kept([{ kind: 'follower', from: 'A', to: 'D' }])).toEqual(['c1', 'c2', 'c3', 'c5']);
    expect(kept([{ kind: 'follower', from: 'A', to: 'D', directly: true }])).toEqual([]);
    expect(kept([{ kind: 'follower', from: 'B', to: 'B' }])).toEqual(['c3']);
    expect(kept([{ kind: 'follower', from: 'A', to: 'D', withinSeconds: 180 }])).toEqual(['c1', 'c2', 'c3']);
    expect(kept([{ kind: 'follower', from: 'B', to: 'C', withinSeconds: 3600 }])).toEqual(['c1', 'c4']);
    expect(kept([{ kind: 'follower', from: 'B', to: 'C', withinSeconds: 3599 }])).toEqual(['c1']);
  });

  it('combines with AND and negates', () => {
    expect(
      kept([
        { kind: 'activities', activities: ['A'], mode: 'any' },
        { kind: 'caseAttribute', attribute: 'region', values: ['north'], negate: true },
      ]),
    ).toEqual(['c2', 'c5']);
  });

  it('says which name is unknown', () => {
    expect(() => caseMask(log, [{ kind: 'activities', activities: ['Z'], mode: 'any' }])).toThrow(
      /activity "Z" does not occur/,
    );
    expect(() => caseMask(log, [{ kind: 'caseAttribute', attribute: 'colour', values: ['red'] }])).toThrow(
      /no case attribute "colour".*/,
    );
    expect(() => caseMask(log, [{ kind: 'timeRange', mode: 'started', from: 'yesterday', to: iso(1) }])).toThrow(
      InputError,
    );
  });

  it('shares one mask per filter list regardless of key order', () => {
    const a = sharedCaseMask(log, [{ kind: 'endpoints', start: ['A'], end: ['D'] }]);
    const b = sharedCaseMask(log, [{ end: ['D'], start: ['A'], kind: 'endpoints' } as LogFilter]);
    expect(b).toBe(a);
    expect(filterKey([{ kind: 'endpoints', start: ['A'] }])).not.toBe(filterKey([{ kind: 'endpoints', end: ['A'] }]));
  });
});

describe('parseLogFilters', () => {
  it('accepts one filter or a list', () => {
    expect(parseLogFilters({ kind: 'activities', activities: ['A'], mode: 'any' })).toHaveLength(1);
    expect(
      parseLogFilters([
        { kind: 'caseDuration', minSeconds: 1 },
        { kind: 'variants', variants: [['A']] },
      ]),
    ).toHaveLength(2);
  });
  it('names the first problem', () => {
    expect(() => parseLogFilters({ kind: 'nope' })).toThrow(/unknown kind "nope"/);
    expect(() =>
      parseLogFilters([{ kind: 'caseDuration' }, { kind: 'activities', activities: 'A', mode: 'any' }]),
    ).toThrow(/#2: "activities" must be a list/);
    expect(() => parseLogFilters({ kind: 'timeRange', mode: 'during', from: 'x', to: 'y' })).toThrow(/"mode"/);
    expect(() => parseLogFilters(42)).toThrow(InputError);
  });
});
