import { describe, expect, it } from 'vitest';
import { applyFixes } from './fixes.ts';
import { inconsistentLabels } from './inconsistent-labels.ts';
import { buildLog, type TestRow } from './log.fixture.ts';

function labels(counts: Record<string, number>): TestRow[] {
  const rows: TestRow[] = [];
  let k = 0;
  for (const [label, n] of Object.entries(counts)) for (let i = 0; i < n; i++, k++) rows.push([`c${k}`, label, k]);
  return rows;
}

describe('inconsistentLabels', () => {
  const log = buildLog(
    labels({
      'Approve Order': 30,
      'approve order ': 2, // case and whitespace
      APPROVE_ORDER: 1, // separator
      'Approve Ordr': 3, // typo, 1 edit
      'Approve Orders': 20, // similar but frequent: a different step
      'Check Credit': 20,
      'Check Credti': 1, // swapped letters
      'Step 1': 10,
      'Step 2': 2, // differs in a number only
      Pay: 10,
      Pat: 1, // too short to call a typo
    }),
  );

  it('proposes merging variants into the most frequent spelling', () => {
    const check = inconsistentLabels(log);
    expect(check.fix).toMatchObject({
      kind: 'merge_labels',
      params: {
        map: {
          'approve order ': 'Approve Order',
          APPROVE_ORDER: 'Approve Order',
          'Approve Ordr': 'Approve Order',
          'Check Credti': 'Check Credit',
        },
      },
    });
    expect(check.count).toBe(2 + 1 + 3 + 1);
    expect(check.breakdown!.map((b) => b.label)).toEqual([
      'Approve Ordr',
      'approve order ',
      'APPROVE_ORDER',
      'Check Credti',
    ]);
  });

  it('respects the share limit for near-duplicates', () => {
    const check = inconsistentLabels(log, { nearDuplicateMaxShare: 0.04 });
    // 3 / 33 and 1 / 20 are above 4%: only the case/whitespace variants remain.
    expect(Object.keys(check.fix!.kind === 'merge_labels' ? check.fix!.params.map : {})).toEqual([
      'approve order ',
      'APPROVE_ORDER',
    ]);
    expect(check.count).toBe(3);
  });

  it('reduces the activities once the merge map is applied', () => {
    const fixed = applyFixes(log, [inconsistentLabels(log).fix!]);
    const used = new Map<string, number>();
    for (let i = 0; i < fixed.eventCount; i++)
      used.set(fixed.activities[fixed.activity[i]], (used.get(fixed.activities[fixed.activity[i]]) ?? 0) + 1);
    expect(used.size).toBe(7);
    expect(used.get('Approve Order')).toBe(36);
    expect(used.get('Check Credit')).toBe(21);
    expect(inconsistentLabels(fixed).count).toBe(0);
  });

  it('finds nothing in a log with distinct labels', () => {
    const clean = buildLog(labels({ 'Receive Order': 5, 'Close Order': 5 }));
    expect(inconsistentLabels(clean)).toMatchObject({ count: 0, fix: null, severity: 'info' });
  });
});
