import { describe, expect, it, vi } from 'vitest';
import type { AppliedFix, LogStatistics } from '../../preload/api.ts';
import { currentStatistics, fixesInForceNote } from './log-figures.ts';

function stats(events: number): LogStatistics {
  return { events } as LogStatistics;
}

function applied(id: number): AppliedFix {
  return {
    id,
    fix: { kind: 'drop_duplicates', description: 'Drop duplicates', params: {} },
    appliedAt: '2024-01-01T00:00:00Z',
    user: 'u',
  } as AppliedFix;
}

describe('currentStatistics', () => {
  it('asks the engine once per workspace, import and log version', async () => {
    const statistics = vi.fn(async () => stats(42));
    const api = { statistics };
    const a = currentStatistics(api, '/ws/a', 1, 7);
    const b = currentStatistics(api, '/ws/a', 1, 7);
    expect(b).toBe(a);
    expect(statistics).toHaveBeenCalledTimes(1);
    expect((await a).events).toBe(42);
    // A fix applied bumps the log version: the figures are asked again.
    await currentStatistics(api, '/ws/a', 1, 8);
    expect(statistics).toHaveBeenCalledTimes(2);
    await currentStatistics(api, '/ws/b', 1, 8);
    expect(statistics).toHaveBeenCalledTimes(3);
  });

  it('does not keep a failed answer', async () => {
    let calls = 0;
    const api = {
      statistics: async () => {
        calls++;
        if (calls === 1) throw new Error('engine busy');
        return stats(43);
      },
    };
    await expect(currentStatistics(api, '/ws/c', 2, 1)).rejects.toThrow('engine busy');
    expect((await currentStatistics(api, '/ws/c', 2, 1)).events).toBe(43);
    expect(calls).toBe(2);
  });
});

describe('fixesInForceNote', () => {
  it('counts the fixes in force, singular for one, nothing for none', () => {
    expect(fixesInForceNote(null)).toBeNull();
    expect(fixesInForceNote({})).toBeNull();
    expect(fixesInForceNote({ basis: { importId: 1, fileName: 'f', sha256: 's', fixesInForce: [] } })).toBeNull();
    expect(fixesInForceNote({ basis: { importId: 1, fileName: 'f', sha256: 's', fixesInForce: [applied(1)] } })).toBe(
      '1 fix in force',
    );
    expect(
      fixesInForceNote({ basis: { importId: 1, fileName: 'f', sha256: 's', fixesInForce: [applied(1), applied(2)] } }),
    ).toBe('2 fixes in force');
  });
});
