import { describe, expect, it } from 'vitest';
import type { RunningCaseRow } from '../../../preload/api.ts';
import { sortRunning } from './running-cases-view.tsx';

const row = (id: string, remainingSeconds: number | null, elapsedSeconds: number): RunningCaseRow => ({
  case: id,
  caseIndex: 0,
  events: 1,
  lastActivity: 'A',
  lastEventAt: '2024-01-01T00:00:00Z',
  elapsedSeconds,
  remainingSeconds,
  expectedEnd: null,
  slaBreachProbability: null,
  outcome: null,
  explanation: [],
  explanationUnit: 'h',
  baseValue: 0,
  otherFeatures: 0,
  rawScore: 0,
});

describe('sortRunning', () => {
  const rows = [row('a', 10, 300), row('b', null, 100), row('c', 50, 200)];
  it('keeps the engine order for risk, else the largest first (unknown remaining time last)', () => {
    expect(sortRunning(rows, 'risk').map((r) => r.case)).toEqual(['a', 'b', 'c']);
    expect(sortRunning(rows, 'remaining').map((r) => r.case)).toEqual(['c', 'a', 'b']);
    expect(sortRunning(rows, 'elapsed').map((r) => r.case)).toEqual(['a', 'c', 'b']);
  });
});
