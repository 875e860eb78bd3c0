import { describe, expect, it } from 'vitest';
import { logFromTraces } from '../analysis/logs.fixture.ts';
import { caseCompletion, inferEndActivities } from './completion.ts';

describe('end activities and completed cases', () => {
  // Close: 3 occurrences, all last; Cancel: 1, last; b: 2 occurrences, last in one (the running case).
  const log = logFromTraces({
    1: ['a', 'Close'],
    2: ['a', 'Close'],
    3: ['a', 'Cancel'],
    4: ['a', 'b'],
    5: ['a', 'b', 'Close'],
  });

  it('infers activities that close cases and are never followed', () => {
    expect(inferEndActivities(log)).toEqual(['Close', 'Cancel']);
    const completion = caseCompletion(log, null);
    expect(Array.from(completion.completed)).toEqual([1, 1, 1, 0, 1]);
    expect(completion.completedCount).toBe(4);
    expect(completion.note).toBeNull();
  });

  it('drops rare endings below the share of cases asked for', () => {
    expect(inferEndActivities(log, { minShareOfCases: 0.3 })).toEqual(['Close']);
  });

  it('takes the end activities the user chose', () => {
    const completion = caseCompletion(log, ['Close', 'b']);
    expect(completion.source).toBe('chosen');
    expect(Array.from(completion.completed)).toEqual([1, 1, 0, 1, 1]);
  });

  it('counts every case as completed, and says so, when no activity looks like an end', () => {
    const loop = logFromTraces({ 1: ['a', 'b'], 2: ['b', 'a'] });
    const completion = caseCompletion(loop, null);
    expect(completion.endActivities).toEqual([]);
    expect(completion.completedCount).toBe(2);
    expect(completion.note).toMatch(/every case counts as completed/);
  });

  it('falls back to endings that are last in most of their occurrences when the strict rule leaves under half the cases completed, and says how few are left', () => {
    // Like receipt.xes: Stop ends 3 of 6 cases but also recurs mid-case (3 of 4 occurrences last, 75% < 95%);
    // Print is last in its one occurrence; b ends the two running cases but is last in only 2 of 5 (40%).
    // Strict: only Print, 1 of 6 completed (16.7% < 50%).
    const receipt = logFromTraces({
      1: ['a', 'b', 'Stop'],
      2: ['a', 'b', 'Stop'],
      3: ['a', 'Stop', 'b', 'Stop'],
      4: ['a', 'b'],
      5: ['a', 'Print'],
      6: ['a', 'b'],
    });
    expect(inferEndActivities(receipt)).toEqual(['Print']);
    const completion = caseCompletion(receipt, null);
    expect(completion.endActivities).toEqual(['Print', 'Stop']);
    expect(completion.completedCount).toBe(4);
    expect(completion.note).toBeNull();
    // Chosen by the user: taken as given, but 1 of 6 is said loudly.
    const few = caseCompletion(receipt, ['Print']);
    expect(few.completedCount).toBe(1);
    expect(few.note).toMatch(
      /^Only 1 of 6 cases \(16\.7%\) end with the end activities chosen \("Print"\).*other 5 count as running/,
    );
  });
});
