import { describe, expect, it } from 'vitest';
import { caseDetail, caseList, compareIds } from './cases.ts';
import { logFromTraces, runningExample } from './logs.fixture.ts';

describe('case table on the running example', () => {
  const log = runningExample();

  it('sorts numeric ids as numbers and pages', () => {
    const page = caseList(log, null, { offset: 1, limit: 2 });
    expect(page.total).toBe(6);
    expect(page.rows.map((r) => r.id)).toEqual(['2', '3']);
  });

  it('sorts by duration descending (hand-computed: case 5 longest, then 3)', () => {
    const page = caseList(log, null, { offset: 0, limit: 2, sort: 'duration', descending: true });
    expect(page.rows.map((r) => [r.id, r.durationSeconds])).toEqual([
      ['5', 1576440],
      ['3', 1368780],
    ]);
  });

  it('sorts by end time (hand-read: case 5 ends last, 2011-01-24; case 1 first, 2011-01-07)', () => {
    const ids = caseList(log, null, { offset: 0, limit: 6, sort: 'end' }).rows.map((r) => r.id);
    expect(ids[0]).toBe('1');
    expect(ids[5]).toBe('5');
  });

  it('searches ids and honours a mask', () => {
    expect(caseList(log, null, { offset: 0, limit: 10, search: '4' }).rows.map((r) => r.id)).toEqual(['4']);
    const mask = new Uint8Array(log.caseCount);
    mask[log.caseIds.indexOf('1')] = 1;
    expect(caseList(log, mask, { offset: 0, limit: 10 }).rows.map((r) => r.id)).toEqual(['1']);
  });

  it('shows a case with its events in time order', () => {
    const detail = caseDetail(log, log.caseIds.indexOf('1'));
    expect(detail.events.map((e) => e.activity)).toEqual([
      'register request',
      'examine thoroughly',
      'check ticket',
      'decide',
      'reject request',
    ]);
    expect(detail.events[0]).toMatchObject({
      timestamp: '2010-12-30T10:02:00.000Z',
      resource: 'Pete',
      sourceRow: 16,
      attributes: { Costs: 50 },
    });
    expect(detail.attributes).toEqual({ 'case:creator': 'Fluxicon Nitro' });
  });

  it('refuses a case index out of range with a clear error', () => {
    expect(() => caseDetail(log, 99)).toThrow(/no case number 99/);
  });

  it('orders ids totally: numbers as numbers first, then text, whatever the input order', () => {
    const ids = ['9', '10', '1a', 'b', '007', '7'];
    const sorted = (xs: string[]) => [...xs].sort(compareIds);
    expect(sorted(ids)).toEqual(['007', '7', '9', '10', '1a', 'b']);
    expect(sorted([...ids].reverse())).toEqual(sorted(ids));
  });

  it('pages through a descending order without gaps or repeats', () => {
    const seen = [0, 2, 4].flatMap((offset) =>
      caseList(log, null, { offset, limit: 2, sort: 'duration', descending: true }).rows.map((r) => r.id),
    );
    expect(seen).toEqual(['5', '3', '6', '2', '1', '4']); // durations by hand: 1576440, 1368780, 852300, 779580, 703320, 520920
  });
});

describe('case rows carry the variant and the case attributes', () => {
  it('ranks variants by frequency in the whole log, ties in sequence order (by hand)', () => {
    // A-B twice (#1), then A-C and A-D once each: A-C before A-D in sequence order (#2, #3).
    const log = logFromTraces(
      { x: ['A', 'D'], y: ['A', 'B'], z: ['A', 'C'], w: ['A', 'B'] },
      { x: { region: 'north', amount: 5 }, y: { region: 'south' } },
    );
    const rows = caseList(log, null, { offset: 0, limit: 10 }).rows;
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId.y!.variant).toBe(1);
    expect(byId.w!.variant).toBe(1);
    expect(byId.z!.variant).toBe(2);
    expect(byId.x!.variant).toBe(3);
    expect(byId.x!.attributes).toEqual({ region: 'north', amount: 5 });
    expect(byId.y!.attributes).toEqual({ region: 'south' });
    expect(byId.z!.attributes).toEqual({});
  });
});
