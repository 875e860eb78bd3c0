import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from './route.ts';

describe('route hash', () => {
  it('round-trips a view with parameters', () => {
    const route = { view: 'cases' as const, params: { case: '12', q: 'a b&c' } };
    expect(parseHash(formatHash(route))).toEqual(route);
  });

  it('defaults to the workspace home', () => {
    expect(parseHash('')).toEqual({ view: 'home', params: {} });
    expect(parseHash('#/')).toEqual({ view: 'home', params: {} });
  });
});
