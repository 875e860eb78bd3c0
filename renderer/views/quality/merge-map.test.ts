import { describe, expect, it } from 'vitest';
import { mapFromRows, parseActivityList, rowsFromMap } from './merge-map.ts';

describe('merge map editing', () => {
  it('round-trips a proposed map', () => {
    const map = { 'approve order ': 'Approve Order', 'Approve Ordr': 'Approve Order' };
    expect(mapFromRows(rowsFromMap(map))).toEqual(map);
  });

  it('leaves out unticked, empty and identity rows and trims targets', () => {
    expect(
      mapFromRows([
        { variant: 'a', canonical: 'A', include: false },
        { variant: 'b', canonical: '   ', include: true },
        { variant: 'c', canonical: 'c', include: true },
        { variant: 'd', canonical: ' D ', include: true },
      ]),
    ).toEqual({ d: 'D' });
  });

  it('reads activity lists separated by commas or lines', () => {
    expect(parseActivityList('Receive, Check\nShip,,')).toEqual(['Receive', 'Check', 'Ship']);
  });
});
