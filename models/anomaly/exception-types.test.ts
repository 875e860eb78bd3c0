import { describe, expect, it } from 'vitest';
import type { FeatureSpec } from '../features/index.ts';
import type { Finding, ModelRecord } from '../registry/index.ts';
import { exceptionTypes } from './exception-types.ts';

const features: FeatureSpec[] = [
  { name: 'unusual resource at Ship Goods', unit: 'surprise', tail: 'upper', skewed: false, activity: 'Ship Goods' },
  { name: 'unusual resource at Pack', unit: 'surprise', tail: 'upper', skewed: false, activity: 'Pack' },
  { name: 'amount', unit: 'value', tail: 'both', skewed: true, attribute: 'amount' },
];
const model = { label: 'anomaly v4', dataFingerprint: 'sha256:feed' } as ModelRecord;
const DAY = 86_400_000;

function finding(caseId: string, top: string, value: number, condition: string, contribution = 100): Finding {
  return {
    id: `anomaly-v4:${caseId}`,
    kind: 'anomaly',
    case: caseId,
    score: contribution + 10,
    confidence: 0.99,
    prediction: contribution + 10,
    baseValue: 10,
    explanation: [
      { feature: top, value, contribution },
      { feature: 'unusual resource at Pack', value: 0, contribution: 0 },
    ],
    conditions: [condition],
    kpiEffect: { addedCycleTimeHours: 5 },
    modelVersion: model.label,
    dataFingerprint: model.dataFingerprint,
  };
}

describe('exceptionTypes', () => {
  // Five contractor cases (four at Ship Goods, one at Pack; four at night), one extreme amount.
  const findings = [
    finding(
      'c1',
      'unusual resource at Ship Goods',
      9,
      'Ship Goods done by Contractor 01 on Sunday 02:00–03:00, at night at a weekend (0 of 90 …)',
    ),
    finding(
      'c2',
      'unusual resource at Ship Goods',
      9,
      'Ship Goods done by Contractor 02 on Monday 23:00–24:00, at night (0 of 90 …)',
    ),
    finding(
      'c3',
      'unusual resource at Ship Goods',
      9,
      'Ship Goods done by Contractor 03 on Tuesday 01:00–02:00, at night (0 of 90 …)',
    ),
    finding(
      'c4',
      'unusual resource at Ship Goods',
      9,
      'Ship Goods done by Contractor 04 on Saturday 10:00–11:00, at a weekend (0 of 90 …)',
    ),
    finding('c5', 'unusual resource at Pack', 9, 'Pack done by Contractor 05 on Wednesday 10:00–11:00 (0 of 90 …)'),
    finding('c6', 'amount', 3_000_000, 'amount = 3,000,000, usual 361–24,350', 300),
  ];
  // c1 starts on day 0, the rest late in the period (days 80–100): the contractor type is rising.
  const starts = new Map([
    ['c1', 0],
    ['c2', 80 * DAY],
    ['c3', 90 * DAY],
    ['c4', 95 * DAY],
    ['c5', 100 * DAY],
    ['c6', 50 * DAY],
  ]);
  const types = exceptionTypes(findings, features, starts, model);

  it('groups by the family of the top feature and names each type by its conditions', () => {
    expect(types.map((t) => t.conditions[0])).toEqual([
      'night and weekend work by unusual resources (Contractor) at Ship Goods (4), Pack (1)',
      'extreme amount (3,000,000 to 3,000,000)',
    ]);
    expect(types[0].kpiEffect).toEqual({ cases: 5, addedCycleTimeHours: 25, trend: 'rising' });
    expect(types[0].conditions[2]).toBe('trend: rising (1 in the first half of the period, 4 in the second)');
    expect(types[1].kpiEffect.trend).toBe('too few to tell');
  });

  it('explains a type by its cases’ mean contributions, additive like theirs', () => {
    const t = types[0];
    expect(t.explanation[0]).toEqual({ feature: 'unusual resource at Ship Goods', value: null, contribution: 80 });
    expect(t.baseValue + t.explanation.reduce((s, e) => s + e.contribution, 0)).toBeCloseTo(t.prediction, 9);
    expect(t.id).toBe('anomaly-v4:type:unusual-resource-at');
  });
});
