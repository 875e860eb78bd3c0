import { describe, expect, it } from 'vitest';
import { filterOptions } from '../analysis/filter-options.ts';
import { logFromTraces, runningExample } from '../analysis/logs.fixture.ts';
import { mapSelection } from './map-selection.ts';

describe('mapSelection', () => {
  it('lists the cases and waits of a path (running example, by hand)', () => {
    const log = runningExample();
    const detail = mapSelection(log, {
      activities: 1,
      element: { kind: 'path', from: 'decide', to: 'pay compensation' },
    });
    expect(detail.caseCount).toBe(3);
    expect(detail.cases.map((c) => c.id)).toEqual(['3', '2', '6']);
    expect([...detail.durationsSeconds].sort((a, b) => a - b)).toEqual([261780, 521400, 759300]);
    expect(detail.durationSummary).toMatchObject({ medianSeconds: 521400, totalSeconds: 1542480 });
  });

  it('lists the cases through an activity and respects filters', () => {
    const log = runningExample();
    const all = mapSelection(log, { activities: 1, element: { kind: 'activity', activity: 'reinitiate request' } });
    expect(all.cases.map((c) => c.id)).toEqual(['3', '5']);
    expect(all.durationsSeconds).toHaveLength(3); // three occurrences, each after a decide
    const filtered = mapSelection(log, {
      activities: 1,
      element: { kind: 'activity', activity: 'reinitiate request' },
      filters: [{ kind: 'endpoints', end: ['reject request'] }],
    });
    expect(filtered.cases.map((c) => c.id)).toEqual(['5']);
  });

  it('follows the projection of the map', () => {
    // A 3, C 3, B 1: the slider at 0.6 shows ceil(1.8) = 2 activities, A and C, so A→C is a
    // path in all three cases (B skipped in x).
    const log = logFromTraces({ x: ['A', 'B', 'C'], y: ['A', 'C'], z: ['A', 'B', 'B', 'A', 'B', 'C'] });
    const rare = logFromTraces({ x: ['A', 'B', 'C'], y: ['A', 'C'], z: ['A', 'C'] });
    const detail = mapSelection(rare, { activities: 0.6, element: { kind: 'path', from: 'A', to: 'C' } });
    expect(detail.caseCount).toBe(3);
    expect(() => mapSelection(rare, { activities: 0.6, element: { kind: 'activity', activity: 'B' } })).toThrow(
      /not on the map/,
    );
    expect(mapSelection(log, { activities: 1, element: { kind: 'path', from: 'B', to: 'B' } }).caseCount).toBe(1);
  });
});

describe('filterOptions', () => {
  it('offers activities, attributes and the time range', () => {
    const options = filterOptions(runningExample());
    expect(options.activities).toHaveLength(8);
    expect(options.timeRange).toEqual(['2010-12-30T10:02:00.000Z', '2011-01-24T13:56:00.000Z']);
    expect(options.caseAttributes).toEqual([{ name: 'case:creator', type: 'string', values: ['Fluxicon Nitro'] }]);
    expect(options.eventAttributes.map((a) => a.name)).toEqual(['resource', 'Costs']);
    expect(options.eventAttributes[0].values).toEqual(['Ellen', 'Mike', 'Pete', 'Sara', 'Sean', 'Sue']);
  });
});
