import { describe, expect, it } from 'vitest';
import type { FilterOptions } from '../../../preload/api.ts';
import { buildFilter, emptyDraft, readNumber, type FilterDraft } from './filter-draft.ts';

const options: FilterOptions = {
  activities: ['register request', 'decide', 'pay compensation'],
  timeRange: ['2010-12-30T10:02:00.000Z', '2011-01-23T10:00:00.000Z'],
  caseAttributes: [
    { name: 'channel', type: 'string', values: ['web', 'phone'] },
    { name: 'urgent', type: 'boolean', values: ['false', 'true'] },
  ],
  eventAttributes: [{ name: 'Costs', type: 'number', values: ['50', '100'] }],
};

const draft = (patch: Partial<FilterDraft> & Pick<FilterDraft, 'kind'>): FilterDraft => ({
  ...emptyDraft(patch.kind),
  ...patch,
});
const build = (patch: Partial<FilterDraft> & Pick<FilterDraft, 'kind'>) => buildFilter(draft(patch), options);

describe('buildFilter', () => {
  it('variant coverage: top N and/or a share of cases, typed as a percentage', () => {
    expect(build({ kind: 'variantCoverage', low: '80' }).filter).toEqual({ kind: 'variantCoverage', coverage: 0.8 });
    expect(build({ kind: 'variantCoverage', top: '3', low: '62,5' }).filter).toEqual({
      kind: 'variantCoverage',
      topVariants: 3,
      coverage: 0.625,
    });
    expect(build({ kind: 'variantCoverage' }).problem).toMatch(/top variants or the share/);
    expect(build({ kind: 'variantCoverage', top: '2.5' }).problem).toMatch(/whole number/);
    expect(build({ kind: 'variantCoverage', low: '120' }).problem).toMatch(/up to 100%/);
  });

  it('performance by percentile: open ends default to P0 and P100, which alone keep everything', () => {
    expect(build({ kind: 'performance', low: '90' }).filter).toEqual({
      kind: 'performance',
      measure: 'duration',
      fromPercentile: 90,
      toPercentile: 100,
    });
    expect(build({ kind: 'performance', mode: 'events', high: '10' }).filter).toEqual({
      kind: 'performance',
      measure: 'events',
      fromPercentile: 0,
      toPercentile: 10,
    });
    expect(build({ kind: 'performance' }).problem).toMatch(/keeps every case/);
    expect(build({ kind: 'performance', low: '60', high: '40' }).problem).toMatch(/above the upper/);
    expect(build({ kind: 'performance', high: '101' }).problem).toMatch(/0 to 100/);
  });

  it('endpoints: several start and end activities, kept whole or trimmed', () => {
    expect(
      build({ kind: 'endpoints', first: ['register request'], second: ['decide', 'pay compensation'] }).filter,
    ).toEqual({
      kind: 'endpoints',
      start: ['register request'],
      end: ['decide', 'pay compensation'],
    });
    expect(build({ kind: 'endpoints', first: ['register request'], trim: 'first' }).filter).toEqual({
      kind: 'endpoints',
      start: ['register request'],
      trim: 'first',
    });
    expect(build({ kind: 'endpoints', first: ['register request'], trim: 'longest', negate: true }).problem).toMatch(
      /cannot be negated/,
    );
  });

  it('timeframe in every mode, the window zone read into UTC', () => {
    const made = build({ kind: 'timeRange', mode: 'trim', low: '2011-01-01T00:00', high: '2011-01-10T12:00' }).filter;
    expect(made).toEqual({
      kind: 'timeRange',
      mode: 'trim',
      from: new Date('2011-01-01T00:00').toISOString(),
      to: new Date('2011-01-10T12:00').toISOString(),
    });
    expect(
      build({ kind: 'timeRange', mode: 'started', low: '2011-01-10T00:00', high: '2011-01-01T00:00' }).problem,
    ).toMatch(/ends before/);
    expect(build({ kind: 'timeRange', mode: 'completed', low: '2011-01-10T00:00' }).problem).toMatch(/both ends/);
  });

  it('follower: eventually or directly, at least / within hours, same or different attribute', () => {
    expect(
      build({
        kind: 'follower',
        first: ['register request'],
        second: ['decide'],
        low: '1',
        high: '48',
        relation: 'different',
        attribute: 'resource',
      }).filter,
    ).toEqual({
      kind: 'follower',
      from: 'register request',
      to: 'decide',
      withinSeconds: 172_800,
      minSeconds: 3600,
      attributeRelation: { attribute: 'resource', relation: 'different' },
    });
    expect(
      build({ kind: 'follower', first: ['decide'], second: ['pay compensation'], directly: true, negate: true }).filter,
    ).toEqual({
      kind: 'follower',
      from: 'decide',
      to: 'pay compensation',
      directly: true,
      negate: true,
    });
    expect(build({ kind: 'follower', first: ['decide'], second: ['decide'], low: '5', high: '2' }).problem).toMatch(
      /longer than "within"/,
    );
    expect(build({ kind: 'follower', first: ['decide'] }).problem).toMatch(/A and B/);
    expect(build({ kind: 'follower', first: ['decide'], second: ['decide'], high: 'soon' }).problem).toMatch(/hours/);
  });

  it('attributes: values for text and yes/no, ranges for numbers', () => {
    expect(build({ kind: 'caseAttribute', attribute: 'channel', values: ['web'] }).filter).toEqual({
      kind: 'caseAttribute',
      attribute: 'channel',
      values: ['web'],
    });
    expect(build({ kind: 'caseAttribute', attribute: 'urgent', values: ['true'] }).filter).toEqual({
      kind: 'caseAttribute',
      attribute: 'urgent',
      values: [true],
    });
    expect(build({ kind: 'eventAttribute', attribute: 'Costs', low: '60' }).filter).toEqual({
      kind: 'eventAttribute',
      attribute: 'Costs',
      min: 60,
    });
    expect(build({ kind: 'eventAttribute', attribute: 'Costs', low: 'x' }).problem).toMatch(/numbers/);
    expect(build({ kind: 'caseAttribute' }).problem).toMatch(/Choose an attribute/);
  });

  it('activities and case duration as before: hours into seconds', () => {
    expect(build({ kind: 'activities', first: ['decide'], mode: 'none' }).filter).toEqual({
      kind: 'activities',
      activities: ['decide'],
      mode: 'none',
    });
    expect(build({ kind: 'caseDuration', low: '1,5' }).filter).toEqual({ kind: 'caseDuration', minSeconds: 5400 });
    expect(build({ kind: 'caseDuration', low: '5', high: '1' }).problem).toMatch(/above the maximum/);
  });
});

describe('readNumber', () => {
  it('reads a decimal comma, leaves empty text undefined and flags the rest', () => {
    expect(readNumber(' 2,5 ')).toBe(2.5);
    expect(readNumber('')).toBeUndefined();
    expect(readNumber('abc')).toBeNaN();
  });
});
