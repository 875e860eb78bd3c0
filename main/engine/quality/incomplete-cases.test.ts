import { describe, expect, it } from 'vitest';
import { applyFixes } from './fixes.ts';
import { incompleteCases, inferUsualEnds } from './incomplete-cases.ts';
import { logFromTraces } from '../analysis/logs.fixture.ts';
import { buildLog, repeatCases, type TestRow } from './log.fixture.ts';

describe('incompleteCases', () => {
  const rows: TestRow[] = [
    ...repeatCases('ok', 10, ['S', 'M', 'E']), // complete, at minutes 0..902
    ['cut-start', 'M', 1000],
    ['cut-start', 'E', 1001],
    ['cut-end', 'S', 1100],
    ['cut-end', 'M', 1101],
    ['alt0', 'S2', 1200],
    ['alt0', 'M', 1201],
    ['alt0', 'E', 1202], // a rare but genuine start
    ['alt1', 'S2', 1300],
    ['alt1', 'M', 1301],
    ['alt1', 'E', 1302],
    ['running', 'S', 5000],
    ['running', 'M', 5001], // last case of the log
  ];
  const log = buildLog(rows);

  it('infers usual starts and ends from how often an activity opens or closes the cases containing it', () => {
    // S opens 12 of 12 cases containing it, S2 2 of 2, M 1 of 15; E closes 13 of 13, M 2 of 15.
    const usual = inferUsualEnds(log);
    expect(usual.startActivities.sort()).toEqual(['S', 'S2']);
    expect(usual.endActivities).toEqual(['E']);
    // Median case duration is 2 minutes (12 cases of 2 min, 3 of 1 min); the log ends at 5001.
    expect(usual.runningWindowMs).toBe(2 * 60_000);
  });

  it('counts cut-off and running cases', () => {
    const check = incompleteCases(log);
    expect(check.count).toBe(3);
    expect(check.breakdown).toEqual([
      { label: 'unusual start', count: 1 },
      { label: 'unusual end', count: 1 },
      { label: 'still running', count: 1 },
    ]);
    expect(check.examples.map((e) => e.caseId)).toEqual(['cut-start', 'cut-end', 'running']);
    expect(check.severity).toBe('error'); // 3 of 15 cases = 20%
  });

  it('drops them, or keeps the running one, with the fix', () => {
    const fix = incompleteCases(log).fix!;
    expect(applyFixes(log, [fix]).caseCount).toBe(12);
    if (fix.kind !== 'drop_incomplete_cases') throw new Error('wrong fix');
    const keepRunning = { ...fix, params: { ...fix.params, keepRunning: true } };
    const fixed = applyFixes(log, [keepRunning]);
    expect(fixed.caseCount).toBe(13);
    expect(fixed.caseIds).toContain('running');
  });

  it('uses edited lists of usual activities', () => {
    const check = incompleteCases(log, { startActivities: ['S'], endActivities: ['E'] });
    expect(check.breakdown![0].count).toBe(3); // cut-start, alt0, alt1
  });

  it('counts a frequent alternative ending as an outcome, not a cut-off', () => {
    // R sits mid-process in 60 cases and ends 40 others: it closes 40 of the 100 cases containing
    // it (below half), but 40 of 100 cases is far above 5% and 20 cases, so it is a usual end.
    const alternative = buildLog([
      ...repeatCases('done', 60, ['S', 'R', 'M', 'E']),
      ...repeatCases('rejected', 40, ['S', 'M', 'R']),
    ]);
    expect(inferUsualEnds(alternative).endActivities.sort()).toEqual(['E', 'R']);
    expect(incompleteCases(alternative).count).toBe(0);
    expect(incompleteCases(alternative, { frequentShare: 0.5 }).count).toBe(40);
  });
});

describe('inferUsualEnds: the running window is the median case duration as defined everywhere', () => {
  it('measures a case from its first start time, not its first completion', () => {
    // Case durations from first start to last completion: 10 - (-60) = 70, 130 - 80 = 50,
    // 290 - 190 = 100 minutes; the median is 70 min. (First to last completion would give
    // 10, 30, 90 and a median of 30 min.)
    const log = logFromTraces({
      c1: [
        { activity: 'A', at: 0, startAt: -60 },
        { activity: 'B', at: 10 },
      ],
      c2: [
        { activity: 'A', at: 100, startAt: 80 },
        { activity: 'B', at: 130 },
      ],
      c3: [
        { activity: 'A', at: 200, startAt: 190 },
        { activity: 'B', at: 290 },
      ],
    });
    const usual = inferUsualEnds(log);
    expect(usual.runningWindowMs).toBe(70 * 60_000);
    expect(usual.runningAfter).toBe(Date.UTC(2024, 0, 1) + (290 - 70) * 60_000);
  });
});

describe('incompleteCases examples (issue 12, defect 6)', () => {
  it("point at the case's first line in the file, also when the export lists newest first", () => {
    // Newest first: each case's earliest event is its last line. Lines count from 2 (header is 1).
    const rows: TestRow[] = [];
    for (const r of repeatCases('ok', 10, ['S', 'M', 'E'])) rows.unshift(r);
    rows.push(
      ['cut-end', 'M', 5101],
      ['cut-end', 'S', 5100],
      ['late', 'E', 9001],
      ['late', 'M', 9000],
      ['late', 'S', 8999],
    );
    const check = incompleteCases(buildLog(rows), { runningWindowMs: 0 });
    // 30 "ok" rows are lines 2–31; cut-end is on lines 32 (M, its last event) and 33 (S).
    expect(check.examples.map((e) => [e.caseId, e.line])).toEqual([['cut-end', 32]]);
  });
});
