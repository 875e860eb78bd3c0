import { describe, expect, it } from 'vitest';
import type { CaseDetail, CaseEvent } from '../../../preload/api.ts';
import { caseColumns } from './case-columns.ts';

function event(
  activity: string,
  resource: string | null,
  timestamp: string,
  attributes: CaseEvent['attributes'],
): CaseEvent {
  return { activity, resource, timestamp, startTimestamp: null, sourceRow: 2, attributes };
}

// Case 3 of running-example.csv as imported with activity ← concept:name, resource ← org:resource:
// the columns "Activity" and "Resource" repeat them, "Costs" is an attribute of its own.
const case3: CaseDetail = {
  index: 0,
  id: '3',
  attributes: { 'case:concept:name': '3', 'case:creator': 'Fluxicon Nitro' },
  events: [
    event('register request', 'Pete', '2010-12-30T13:32:00.000Z', {
      Activity: 'register request',
      Costs: 50,
      Resource: 'Pete',
    }),
    event('examine casually', 'Mike', '2010-12-30T14:06:00.000Z', {
      Activity: 'examine casually',
      Costs: 400,
      Resource: 'Mike',
    }),
  ],
};
const mapping = {
  case: 'case:concept:name',
  activity: 'concept:name',
  timestamp: 'time:timestamp',
  resource: 'org:resource',
};

describe('caseColumns', () => {
  it('leaves out attributes that repeat a mapped field, keeps the rest', () => {
    expect(caseColumns(case3, mapping)).toEqual({
      eventAttributes: ['Costs'],
      caseAttributes: ['case:creator'],
      repeated: [
        { name: 'Activity', sameAs: 'activity' },
        { name: 'Resource', sameAs: 'resource' },
        { name: 'case:concept:name', sameAs: 'case id' },
      ],
    });
  });

  it('keeps a same-named attribute whose values differ in any event', () => {
    const other: CaseDetail = {
      ...case3,
      events: [
        case3.events[0]!,
        { ...case3.events[1]!, attributes: { ...case3.events[1]!.attributes, Resource: 'Sara' } },
      ],
    };
    expect(caseColumns(other, mapping).eventAttributes).toEqual(['Costs', 'Resource']);
  });

  it('recognises a repeated timestamp written differently', () => {
    const stamped: CaseDetail = {
      ...case3,
      attributes: {},
      events: [
        event('a', null, '2010-12-30T13:32:00.000Z', { 'time:timestamp': '2010-12-30 14:32:00+01:00', note: 'x' }),
      ],
    };
    expect(caseColumns(stamped, null)).toEqual({
      eventAttributes: ['note'],
      caseAttributes: [],
      repeated: [{ name: 'time:timestamp', sameAs: 'timestamp' }],
    });
  });
});
