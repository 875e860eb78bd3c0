import { describe, expect, it } from 'vitest';
import { logFromTraces } from '../analysis/logs.fixture.ts';
import { MAX_SHOWN_ACTIVITIES, processMap } from './process-map.ts';

describe('processMap limits', () => {
  it('shows at most MAX_SHOWN_ACTIVITIES activities, the most frequent, and says so', async () => {
    // 200 activities: activity i occurs in i % 5 + 1 two-event cases (start → Ai): five frequencies, 40 activities each.
    const traces: Record<string, string[]> = {};
    for (let i = 0; i < 200; i++) for (let k = 0; k <= i % 5; k++) traces[`c${i}-${k}`] = ['start', `A${i}`];
    const log = logFromTraces(traces);
    const map = await processMap(log, null, { activities: 1, paths: 0.1, view: 'frequency' });
    expect(map.totalActivities).toBe(201);
    expect(map.activitiesLimited).toBe(true);
    expect(map.graph.nodes).toHaveLength(MAX_SHOWN_ACTIVITIES);
    expect(map.graph.nodes[0].activity).toBe('start'); // in every case, so the most frequent
    const fewer = await processMap(log, null, { activities: 0.1, paths: 0.1, view: 'frequency' });
    expect(fewer.activitiesLimited).toBe(false);
    // 10% of 201 is 21 nodes: start and 20 of the 40 activities in 5 cases, a tie kept whole: 41.
    expect(fewer.graph.nodes).toHaveLength(41);
  });

  it('counts every case the filters keep, also one whose activities the slider hides', async () => {
    // Three cases A-B and one case of only C: at the lowest slider C is hidden, the case still counts.
    const log = logFromTraces({ a: ['A', 'B'], b: ['A', 'B'], c: ['A', 'B'], d: ['C'] });
    const map = await processMap(log, null, { activities: 0, paths: 1, view: 'frequency' });
    expect(map.graph.nodes.map((n) => n.activity)).toEqual(['A', 'B']);
    expect(map.graph.cases).toBe(4);
  });
});
