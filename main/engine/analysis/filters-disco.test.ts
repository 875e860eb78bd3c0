import { describe, expect, it } from 'vitest';
import type { LogFilter } from '../../../preload/api.ts';
import type { EventLog } from '../eventlog/event-log.ts';
import { caseMask, filteredLog, parseLogFilters } from './filters.ts';
import { variants } from './variants.ts';
import { BASE_MS, logFromTraces, type TestEvent } from './logs.fixture.ts';

/**
 * Eleven cases worked by hand: case k ends k minutes after it starts (A at 0, the middle step at
 * k/2, D at k). Variants: ABD ×4 (c1–c4), ACD ×3 (c5–c7), AD ×3 (c8–c10, tied with ACD), AXD ×1 (c11).
 */
const VARIANT_OF = ['B', 'B', 'B', 'B', 'C', 'C', 'C', '', '', '', 'X'];
const traces: Record<string, TestEvent[]> = {};
VARIANT_OF.forEach((middle, j) => {
  const k = j + 1;
  traces[`c${k}`] = [
    { activity: 'A', at: 0 },
    ...(middle ? [{ activity: middle, at: k / 2 }] : []),
    { activity: 'D', at: k },
  ];
});
const log = logFromTraces(traces);
const kept = (filters: LogFilter[], on: EventLog = log) => {
  const mask = caseMask(on, filters);
  return on.caseIds.filter((_, c) => mask[c] === 1);
};
const cases = (...ks: number[]) => ks.map((k) => `c${k}`);
const iso = (minutes: number) => new Date(BASE_MS + minutes * 60_000).toISOString();

describe('variant coverage (top N variants, X% of cases; ties kept together)', () => {
  it('top N: the threshold is a case count, so a tie at it keeps both variants', () => {
    expect(kept([{ kind: 'variantCoverage', topVariants: 1 }])).toEqual(cases(1, 2, 3, 4));
    // The second variant has 3 cases, and so has the third: both stay (10 cases, not 7).
    expect(kept([{ kind: 'variantCoverage', topVariants: 2 }])).toEqual(cases(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    expect(kept([{ kind: 'variantCoverage', topVariants: 99 }])).toHaveLength(11);
  });

  it('coverage: the fewest most frequent variants reaching the share', () => {
    // 30% of 11 is 3.3: ABD's 4 cases reach it. 50% is 5.5: ABD and then ACD (7), with AD tied.
    expect(kept([{ kind: 'variantCoverage', coverage: 0.3 }])).toEqual(cases(1, 2, 3, 4));
    expect(kept([{ kind: 'variantCoverage', coverage: 0.5 }])).toEqual(cases(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    expect(kept([{ kind: 'variantCoverage', coverage: 1 }])).toHaveLength(11);
    // Both given: the stricter of the two thresholds.
    expect(kept([{ kind: 'variantCoverage', topVariants: 3, coverage: 0.3 }])).toEqual(cases(1, 2, 3, 4));
    expect(kept([{ kind: 'variantCoverage', topVariants: 1, negate: true }])).toEqual(cases(5, 6, 7, 8, 9, 10, 11));
  });

  it('applies to the cases the filters before it kept (the order matters)', () => {
    const withoutB: LogFilter = { kind: 'activities', activities: ['B'], mode: 'none' };
    expect(kept([withoutB, { kind: 'variantCoverage', topVariants: 1 }])).toEqual(cases(5, 6, 7, 8, 9, 10));
    expect(kept([{ kind: 'variantCoverage', topVariants: 1 }, withoutB])).toEqual([]);
  });
});

describe('performance by percentile', () => {
  it('case duration between percentiles (type 7), bounds inclusive', () => {
    // Durations 1..11 min. P90: h = 10·0.9 = 9 → 10 min. P50: h = 5 → 6 min. P25 → 3.5 min, P75 → 8.5 min.
    expect(kept([{ kind: 'performance', measure: 'duration', fromPercentile: 90 }])).toEqual(cases(10, 11));
    expect(kept([{ kind: 'performance', measure: 'duration', toPercentile: 50 }])).toEqual(cases(1, 2, 3, 4, 5, 6));
    expect(kept([{ kind: 'performance', measure: 'duration', fromPercentile: 25, toPercentile: 75 }])).toEqual(
      cases(4, 5, 6, 7, 8),
    );
  });

  it('events per case, among the cases kept so far', () => {
    // Event counts sorted: 2, 2, 2, 3 × 8; P20 at h = 2 is 2, so the three two-event cases.
    expect(kept([{ kind: 'performance', measure: 'events', toPercentile: 20 }])).toEqual(cases(8, 9, 10));
    // Among c1–c5 only (durations 1..5), the top half from P50 = 3 min.
    const early: LogFilter = { kind: 'caseDuration', maxSeconds: 300 };
    expect(kept([early, { kind: 'performance', measure: 'duration', fromPercentile: 50 }])).toEqual(cases(3, 4, 5));
  });
});

describe('trimming filters change events: a derived log', () => {
  const trim: LogFilter = { kind: 'timeRange', mode: 'trim', from: iso(0.25), to: iso(3) };

  it('trim to a timeframe keeps only the events completed inside it', () => {
    const view = filteredLog(log, [trim]);
    expect(view.trimmed).toBe(true);
    expect(view.mask).toBeNull();
    // c1 B(0.5) D(1); c2 B(1) D(2); c3 B(1.5) D(3); c4 B(2); c5 C(2.5); c6 C(3); c7.. nothing inside.
    expect(view.log.caseIds).toEqual(cases(1, 2, 3, 4, 5, 6));
    expect(view.log.eventCount).toBe(9);
    // The same list gives the same derived log (cached), and no trim means the log itself.
    expect(filteredLog(log, [{ ...trim }]).log).toBe(view.log);
    expect(filteredLog(log, [{ kind: 'endpoints', start: ['B'] }]).log).toBe(log);
    expect(variants(view.log).map((v) => [v.activities.join(''), v.count])).toEqual([
      ['BD', 3],
      ['C', 2],
      ['B', 1],
    ]);
    expect(kept([trim])).toEqual(cases(1, 2, 3, 4, 5, 6));
    // Filters after a trim see the trimmed cases: after it c1–c4 start with B; untrimmed none does.
    const startsWithB: LogFilter = { kind: 'endpoints', start: ['B'] };
    expect(kept([trim, startsWithB])).toEqual(cases(1, 2, 3, 4));
    expect(kept([startsWithB, trim])).toEqual([]);
  });

  it('endpoints trimmed longest and first', () => {
    const t = logFromTraces({ t1: ['X', 'A', 'B', 'A', 'C', 'B', 'Y'], t2: ['X', 'Y'], t3: ['X', 'A', 'C'] });
    const sequences = (filter: LogFilter) => {
      const view = filteredLog(t, [filter]);
      return Object.fromEntries(
        view.log.caseIds.map((id, c) => [
          id,
          Array.from(
            view.log.activity.subarray(view.log.caseStart[c], view.log.caseStart[c + 1]),
            (a) => view.log.activities[a],
          ).join(''),
        ]),
      );
    };
    expect(sequences({ kind: 'endpoints', start: ['A'], end: ['B'], trim: 'longest' })).toEqual({ t1: 'ABACB' });
    expect(sequences({ kind: 'endpoints', start: ['A'], end: ['B'], trim: 'first' })).toEqual({ t1: 'AB' });
    expect(sequences({ kind: 'endpoints', start: ['A'], trim: 'longest' })).toEqual({ t1: 'ABACBY', t3: 'AC' });
    expect(sequences({ kind: 'endpoints', end: ['C'], trim: 'first' })).toEqual({ t1: 'XABAC', t3: 'XAC' });
  });
});

describe('follower with a minimum and a maximum time between', () => {
  const f = logFromTraces({
    f1: [
      { activity: 'A', at: 0 },
      { activity: 'B', at: 10 },
    ],
    f2: [
      { activity: 'A', at: 0 },
      { activity: 'A', at: 8 },
      { activity: 'B', at: 10 },
    ],
  });
  const follows = (extra: Partial<Extract<LogFilter, { kind: 'follower' }>>) =>
    kept([{ kind: 'follower', from: 'A', to: 'B', ...extra }], f);

  it('some A followed by B with a gap in [min, within]', () => {
    // Gaps: f1 10 min; f2 10 min (first A) and 2 min (second A).
    expect(follows({ withinSeconds: 300 })).toEqual(['f2']);
    expect(follows({ minSeconds: 300 })).toEqual(['f1', 'f2']);
    expect(follows({ minSeconds: 300, withinSeconds: 540 })).toEqual([]);
    expect(follows({ minSeconds: 60, withinSeconds: 300 })).toEqual(['f2']);
    expect(follows({ directly: true, minSeconds: 300 })).toEqual(['f1']);
  });
});

describe('follower with the same or a different attribute value (a handover when resources differ)', () => {
  const h = logFromTraces({
    h1: [
      { activity: 'A', at: 0, resource: 'ann' },
      { activity: 'B', at: 10, resource: 'bob' },
    ],
    h2: [
      { activity: 'A', at: 0, resource: 'ann', attributes: { desk: 'x' } },
      { activity: 'A', at: 5, resource: 'bob', attributes: { desk: 'y' } },
      { activity: 'B', at: 10, resource: 'bob', attributes: { desk: 'x' } },
    ],
    h3: [
      { activity: 'A', at: 0, resource: 'ann' },
      { activity: 'B', at: 5 },
    ],
  });
  const follows = (
    attribute: string,
    relation: 'same' | 'different',
    extra: Partial<Extract<LogFilter, { kind: 'follower' }>> = {},
  ) => kept([{ kind: 'follower', from: 'A', to: 'B', attributeRelation: { attribute, relation }, ...extra }], h);

  it('by hand: h1 ann → bob; h2 ann → bob and bob → bob; h3 has no resource on B', () => {
    expect(follows('resource', 'different')).toEqual(['h1', 'h2']);
    expect(follows('resource', 'same')).toEqual(['h2']);
    // Within 4 minutes only bob's A (5 min before B) is near enough in h2, and it is the same resource.
    expect(follows('resource', 'same', { withinSeconds: 600 })).toEqual(['h2']);
    expect(follows('resource', 'same', { withinSeconds: 240 })).toEqual([]);
    expect(follows('resource', 'different', { directly: true })).toEqual(['h1']);
    // Desks: h2's B is at desk x like its first A (10 min before), not like the second.
    expect(follows('desk', 'same')).toEqual(['h2']);
    expect(follows('desk', 'same', { minSeconds: 0, withinSeconds: 300 })).toEqual([]);
    expect(() => follows('colour', 'same')).toThrow('Filter: the log has no event attribute "colour".');
  });
});

describe('argument checks for the new kinds', () => {
  const error = (filter: unknown) => {
    try {
      parseLogFilters(filter);
    } catch (e) {
      return (e as Error).message;
    }
    return 'accepted';
  };

  it('accepts well-formed filters and names the problem in bad ones', () => {
    expect(error({ kind: 'variantCoverage', coverage: 0.8 })).toBe('accepted');
    expect(error({ kind: 'variantCoverage' })).toMatch(/give "topVariants"/);
    expect(error({ kind: 'variantCoverage', coverage: 80 })).toMatch(/"coverage" must be a share/);
    expect(error({ kind: 'variantCoverage', topVariants: 1.5 })).toMatch(/whole number/);
    expect(error({ kind: 'performance', measure: 'duration', fromPercentile: 90, toPercentile: 10 })).toMatch(
      /must not exceed/,
    );
    expect(error({ kind: 'performance', measure: 'cost' })).toMatch(/"measure" must be duration or events/);
    expect(error({ kind: 'timeRange', mode: 'trim', from: 'x', to: 'y', negate: true })).toMatch(/cannot be negated/);
    expect(error({ kind: 'endpoints', start: ['A'], trim: 'middle' })).toMatch(/"trim" must be longest or first/);
    expect(error({ kind: 'follower', from: 'A', to: 'B', minSeconds: 10, withinSeconds: 5 })).toMatch(
      /must not exceed "withinSeconds"/,
    );
    expect(
      error({ kind: 'follower', from: 'A', to: 'B', attributeRelation: { attribute: 'resource', relation: 'equal' } }),
    ).toMatch(/"attributeRelation" must be/);
  });
});
