import { describe, expect, it } from 'vitest';
import type { LogBasis } from '../../preload/api.ts';
import { logFromTraces } from '../engine/analysis/logs.fixture.ts';
import { logAsText } from './log-text-export.ts';

// Three cases by hand: a A-B-C (3 events), b A-C (2), c A-B-B-C (4): 9 events.
const log = logFromTraces({ a: ['A', 'B', 'C'], b: ['A', 'C'], c: ['A', 'B', 'B', 'C'] });
const basis: LogBasis = { importId: 1, fileName: 'orders 2024.csv', sha256: 'x', fixesInForce: [] };

describe('logAsText', () => {
  it('writes every event as CSV: a header and one line per event', async () => {
    const out = await logAsText(log, basis, { format: 'csv' });
    expect(out.fileName).toBe('orders-2024.csv');
    expect(out).toMatchObject({ cases: 3, events: 9 });
    expect(out.text.trim().split(/\r?\n/)).toHaveLength(10);
    expect(out.text.split(/\r?\n/)[0]).toContain('concept:name');
    expect(out.notes.join(' ')).toMatch(/verbatim/);
    expect(out.basis).toBe(basis);
  });

  it('writes the filtered log as XES: the cases with B, their events only', async () => {
    const out = await logAsText(log, basis, {
      format: 'xes',
      filters: [{ kind: 'activities', activities: ['B'], mode: 'any' }],
    });
    expect(out.fileName).toBe('orders-2024-filtered.xes');
    expect(out).toMatchObject({ cases: 2, events: 7 });
    expect(out.text.match(/<trace>/g)).toHaveLength(2);
    expect(out.text.match(/<event>/g)).toHaveLength(7);
    expect(out.notes.join(' ')).toMatch(/Only the 2 cases/);
  });

  it('refuses a log above the download cap and points to the command line', async () => {
    await expect(logAsText(log, basis, { format: 'xes' }, 8)).rejects.toThrow(/9 events, more than the 8/);
    await expect(logAsText(log, basis, { format: 'xes' }, 8)).rejects.toMatchObject({
      details: { hint: expect.stringMatching(/gemba export WORKSPACE --log --format xes\.gz/) },
    });
    expect(
      (
        await logAsText(
          log,
          basis,
          { format: 'csv', filters: [{ kind: 'activities', activities: ['B'], mode: 'none' }] },
          8,
        )
      ).events,
    ).toBe(2);
  });
});
