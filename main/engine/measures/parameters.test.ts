import { describe, expect, it } from 'vitest';
import { logFromTraces } from '../analysis/logs.fixture.ts';
import { caseCompletion } from './completion.ts';
import { measuresLog } from './measures-log.fixture.ts';
import { parameterChoices, resolveParameters, suggestedSlaTarget } from './parameters.ts';

describe('parameters chosen from the log', () => {
  it('offers the activities and attributes with suggestions from names and durations', () => {
    const log = measuresLog();
    const choices = parameterChoices(log, caseCompletion(log, null));
    expect(choices.activities).toEqual(['Receive', 'Check', 'Approve', 'Close', 'Escalate', 'Reject']);
    expect(choices.attributes).toEqual([
      { name: 'channel', level: 'case' },
      { name: 'outcome', level: 'event' },
    ]);
    expect(choices.inferredEndActivities).toEqual(['Close']);
    expect(choices.suggested).toEqual({
      defect: { activities: ['Reject'] },
      exceptionActivities: ['Escalate', 'Reject'],
      escalationActivities: ['Escalate'],
      slaTarget: { value: 20, unit: 'hours' }, // 90th percentile of 6, 10, 12, 20, 20 hours
    });
  });

  it('reads exception and escalation names in several spellings', () => {
    const log = logFromTraces({
      1: ['Create', 'Escalation to L2', 'Cancel Order', 'Customer complaint', 'Approve', 'Goods returned', 'Close'],
    });
    const choices = parameterChoices(log, caseCompletion(log, null));
    expect(choices.suggested.escalationActivities).toEqual(['Escalation to L2']);
    expect(choices.suggested.exceptionActivities).toEqual([
      'Escalation to L2',
      'Cancel Order',
      'Customer complaint',
      'Goods returned',
    ]);
    expect(choices.suggested.defect).toEqual({ activities: ['Customer complaint', 'Goods returned'] });
  });

  it('suggests a target in whole days past two days', () => {
    // Durations 1, 2, …, 10 days: the 90th percentile is 9 days.
    const traces = Object.fromEntries(
      Array.from({ length: 10 }, (_, k) => [
        `c${k}`,
        [
          { activity: 'a', at: 0 },
          { activity: 'b', at: (k + 1) * 24 * 60 },
        ],
      ]),
    );
    const log = logFromTraces(traces);
    expect(suggestedSlaTarget(log, new Uint8Array(10).fill(1))).toEqual({ value: 9, unit: 'days' });
  });

  it('keeps what the user chose and refuses activities the log does not have', () => {
    const log = measuresLog();
    const completion = caseCompletion(log, null);
    const resolved = resolveParameters(
      log,
      { exceptionActivities: ['Reject'], slaTarget: { value: 2, unit: 'days' } },
      completion,
    );
    expect(resolved.exceptionActivities).toEqual(['Reject']);
    expect(resolved.sources).toMatchObject({
      exceptionActivities: 'chosen',
      escalationActivities: 'suggested',
      slaTarget: 'chosen',
    });
    expect(() => resolveParameters(log, { escalationActivities: ['Escalate!'] }, completion)).toThrow(
      /escalationActivities: activity "Escalate!" does not occur/,
    );
    expect(() => resolveParameters(log, { defect: { attribute: 'colour', values: ['red'] } }, completion)).toThrow(
      /no attribute "colour"/,
    );
  });
});
