import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { controlChartConstants } from './constants.ts';

/** ../shared/data/spc/control_chart_constants_n2_25.csv, relative to the repository root. */
const TABLE = fileURLToPath(new URL('../../../../shared/data/spc/control_chart_constants_n2_25.csv', import.meta.url));

function readTable(): Record<string, number>[] {
  const [header, ...rows] = readFileSync(TABLE, 'utf8').trim().split(/\r?\n/);
  const names = header.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((v, i) => [names[i], Number(v)])));
}

describe('control-chart constants', () => {
  it('reproduce the reference table for n = 2..25 to its 7 decimals', () => {
    const table = readTable();
    expect(table).toHaveLength(24);
    for (const row of table) {
      const c = controlChartConstants(row.n);
      for (const name of ['d2', 'd3', 'c4', 'A2', 'A3', 'B3', 'B4', 'D3', 'D4'] as const) {
        expect(Math.abs(c[name] - row[name]), `${name}(${row.n})`).toBeLessThan(6e-8);
      }
    }
  });
  it('have the closed forms known for n = 2 (d2 = 2/√π, d3 = √(2 − 4/π)... for the range of two normals)', () => {
    const c = controlChartConstants(2);
    // W = |X1 − X2| with X1 − X2 ~ N(0, 2): E[W] = 2/√π, E[W²] = 2.
    expect(c.d2).toBeCloseTo(2 / Math.sqrt(Math.PI), 9);
    expect(c.d3).toBeCloseTo(Math.sqrt(2 - 4 / Math.PI), 8);
    expect(c.c4).toBeCloseTo(Math.sqrt(2 / Math.PI), 14);
  });
  it('refuses sizes without a range', () => {
    expect(() => controlChartConstants(1)).toThrow(/between 2 and 1000/);
  });
});
