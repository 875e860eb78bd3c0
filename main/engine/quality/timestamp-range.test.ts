import { describe, expect, it } from 'vitest';
import { applyFixes } from './fixes.ts';
import { futureTimestamps } from './future-timestamps.ts';
import { oldTimestamps } from './old-timestamps.ts';
import { buildLog, type TestRow } from './log.fixture.ts';

describe('future and implausibly old timestamps', () => {
  const now = Date.UTC(2024, 5, 1);
  const rows: TestRow[] = [];
  for (let i = 0; i < 300; i++) rows.push([`c${i}`, 'A', Date.UTC(2024, 0, 1) + i * 60_000]);
  rows.push(['f1', 'A', Date.UTC(2099, 0, 1)]); // line 302: future
  rows.push(['f2', 'A', now + 1000]); // line 303: one second in the future
  rows.push(['o1', 'A', 0]); // line 304: epoch zero
  rows.push(['o2', 'A', Date.UTC(2015, 5, 1)]); // line 305: years before the bulk (bound ≈ 2019-01-01)
  rows.push(['ok', 'A', Date.UTC(2020, 0, 1)]); // within five years of the bulk: plausible
  const log = buildLog(rows, { absolute: true });

  it('counts events after now', () => {
    const check = futureTimestamps(log, { now });
    expect(check.count).toBe(2);
    expect(check.examples.map((e) => e.line)).toEqual([302, 303]);
    expect(check.severity).toBe('warning');
  });

  it('counts events long before the bulk of the log', () => {
    const check = oldTimestamps(log, { now });
    expect(check.count).toBe(2);
    expect(check.examples.map((e) => e.line).sort()).toEqual([304, 305]);
  });

  it('uses an explicit lower bound when given', () => {
    expect(oldTimestamps(log, { now, notBefore: Date.UTC(1990, 0, 1) }).count).toBe(1);
  });

  it('excludes those events with the suggested fixes', () => {
    const fixed = applyFixes(log, [futureTimestamps(log, { now }).fix!, oldTimestamps(log, { now }).fix!]);
    expect(fixed.eventCount).toBe(301);
    expect(fixed.caseCount).toBe(301);
    expect(fixed.caseIds).not.toContain('f1');
    expect(futureTimestamps(fixed, { now }).count).toBe(0);
  });
});
