import { describe, expect, it } from 'vitest';
import { chartRequest, DEFAULT_SETTINGS, toggleTest } from './chart-settings.ts';

const choice = { measure: 'cycle_time', period: 'week' as const, byUnit: false, timeZone: 'UTC' };

describe('chartRequest', () => {
  it('sends only what is set, so the engine’s defaults apply', () => {
    expect(chartRequest(choice, DEFAULT_SETTINGS, [])).toEqual({
      measure: 'cycle_time',
      period: 'week',
      timeZone: 'UTC',
      rules: 'minitab',
    });
  });

  it('turns the fields into the contract’s request: baseline, points left out, phases, parameters, specs', () => {
    const request = chartRequest(
      { ...choice, chart: 'ewma', activity: 'Check', byUnit: true },
      {
        ...DEFAULT_SETTINGS,
        baseline: { mode: 'first', n: '20' },
        exclude: [7, 3],
        phases: [30],
        lambda: '0.1',
        L: 'x',
        usl: '48',
        capabilityMethod: 'lognormal',
      },
      [{ kind: 'activities', activities: ['Check'], mode: 'any' }],
    );
    expect(request).toEqual({
      measure: 'cycle_time',
      period: 'week',
      timeZone: 'UTC',
      rules: 'minitab',
      activity: 'Check',
      chart: 'ewma',
      byUnit: true,
      filters: [{ kind: 'activities', activities: ['Check'], mode: 'any' }],
      baseline: 20,
      exclude: [3, 7],
      phases: [30],
      lambda: 0.1,
      specs: { usl: 48 },
      capabilityMethod: 'lognormal',
    });
    expect(
      chartRequest(
        choice,
        { ...DEFAULT_SETTINGS, baseline: { mode: 'dates', from: '2024-01-01', to: '2024-03-31' } },
        [],
      ).baseline,
    ).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    // A half-typed or non-ISO date is not sent: the chart keeps its limits until both dates read YYYY-MM-DD.
    expect(
      chartRequest(
        choice,
        { ...DEFAULT_SETTINGS, baseline: { mode: 'dates', from: '2024-01-01', to: '03/31/2024' } },
        [],
      ).baseline,
    ).toBeUndefined();
    expect(
      chartRequest(choice, { ...DEFAULT_SETTINGS, baseline: { mode: 'dates', from: '2024-01', to: '2024-03-31' } }, [])
        .baseline,
    ).toBeUndefined();
    expect(
      chartRequest(choice, { ...DEFAULT_SETTINGS, baseline: { mode: 'first', n: '1' } }, []).baseline,
    ).toBeUndefined();
  });

  it('sends the scale and each K typed as a number; blank or unreadable K fields keep the default', () => {
    const request = chartRequest(
      choice,
      { ...DEFAULT_SETTINGS, transform: 'log', testK: { 1: '2.5', 2: '', 3: 'x', 5: '3' } },
      [],
    );
    expect(request.transform).toBe('log');
    expect(request.testK).toEqual({ 1: 2.5, 5: 3 });
    expect(chartRequest(choice, { ...DEFAULT_SETTINGS, testK: { 2: ' ' } }, []).testK).toBeUndefined();
  });
});

describe('toggleTest', () => {
  it('switches one test and returns to a preset when the list matches one', () => {
    expect(toggleTest('minitab', 2)).toEqual([1, 2]);
    expect(toggleTest([1, 2], 2)).toBe('minitab');
    expect(toggleTest([1, 2, 3, 4, 5, 6, 7], 8)).toBe('nelson');
    expect(toggleTest('western-electric', 6)).toEqual([1, 2, 5]);
  });
});
