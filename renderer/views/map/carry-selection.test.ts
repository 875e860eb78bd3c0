import { describe, expect, it } from 'vitest';
import { carrySelection } from './carry-selection.ts';

const graph = (activities: string[], paths: [string, string][]) => ({
  graph: {
    activityStats: activities.map((activity) => ({ activity }) as never),
    pathStats: paths.map(([from, to]) => ({ from, to }) as never),
  },
});

describe('carrySelection', () => {
  const before = graph(
    ['A', 'B', 'C'],
    [
      ['A', 'B'],
      ['B', 'C'],
    ],
  );

  it('keeps the selected activity and path by name when the map is redrawn in another order', () => {
    const after = graph(
      ['C', 'A', 'B'],
      [
        ['B', 'C'],
        ['A', 'B'],
      ],
    );
    expect(carrySelection(before, after, { source: 'map', hit: { kind: 'activity', index: 1 } })).toEqual({
      source: 'map',
      hit: { kind: 'activity', index: 2 },
    });
    expect(carrySelection(before, after, { source: 'map', hit: { kind: 'path', index: 0 } })).toEqual({
      source: 'map',
      hit: { kind: 'path', index: 1 },
    });
  });

  it('drops a selection the new map no longer shows', () => {
    const fewer = graph(['A', 'B'], [['A', 'B']]);
    expect(carrySelection(before, fewer, { source: 'map', hit: { kind: 'activity', index: 2 } })).toBeNull();
    expect(carrySelection(before, fewer, { source: 'map', hit: { kind: 'path', index: 1 } })).toBeNull();
    expect(carrySelection(null, fewer, { source: 'map', hit: { kind: 'path', index: 0 } })).toBeNull();
  });

  it('leaves a bottleneck selection (found by name already) and no selection alone', () => {
    const bottleneck = { source: 'bottleneck', bottleneck: { kind: 'path', from: 'A', to: 'B' } } as never;
    expect(carrySelection(before, before, bottleneck)).toBe(bottleneck);
    expect(carrySelection(before, before, null)).toBeNull();
  });
});
