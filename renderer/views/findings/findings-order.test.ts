import { describe, expect, it } from 'vitest';
import type { FindingSummary } from '../../../preload/api.ts';
import { hoursCost, orderFindings } from './findings-order.ts';

const finding = (
  id: string,
  score: number,
  confidence: number,
  kpiEffect: FindingSummary['kpiEffect'],
): FindingSummary => ({
  id,
  kind: 'anomaly',
  score,
  confidence,
  prediction: score,
  baseValue: 0,
  explanation: [],
  conditions: [],
  kpiEffect,
  modelVersion: 'anomaly v1',
  dataFingerprint: 'x',
  status: 'open',
  comments: [],
});

describe('orderFindings', () => {
  const list = [
    finding('a', 9, 0.5, { addedCycleTimeHours: 2 }),
    finding('b', 5, 0.9, { addedWaitingHours: 30 }),
    finding('c', 1, 0.9, { addedCycleTimeHours: null }),
  ];

  it('reads the cost of a case, a type or a bottleneck in hours', () => {
    expect(list.map(hoursCost)).toEqual([2, 30, 0]);
  });

  it('orders by score as given, by cost or by confidence largest first, ties in the given order', () => {
    expect(orderFindings(list, 'score').map((f) => f.id)).toEqual(['a', 'b', 'c']);
    expect(orderFindings(list, 'cost').map((f) => f.id)).toEqual(['b', 'a', 'c']);
    expect(orderFindings(list, 'confidence').map((f) => f.id)).toEqual(['b', 'c', 'a']);
  });
});
