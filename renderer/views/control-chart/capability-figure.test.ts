import { describe, expect, it } from 'vitest';
import type { CapabilityReport } from '../../../preload/api.ts';
import { capabilityFigure } from './capability-figure.ts';

describe('capabilityFigure', () => {
  it('bars at bin centres with their widths, the fitted curve, and one dashed line per spec given', () => {
    const report = {
      chosen: 'lognormal',
      specs: { usl: 10, target: 4 },
      histogram: {
        bins: [
          { start: 0, end: 2, count: 3 },
          { start: 2, end: 4, count: 5 },
        ],
        curve: [
          { x: 0, y: 0 },
          { x: 3, y: 4.5 },
        ],
        lsl: null,
        usl: 10,
      },
    } as unknown as CapabilityReport;
    const { data, layout } = capabilityFigure(report, 'hours');
    expect(data[0]).toMatchObject({ type: 'bar', x: [1, 3], y: [3, 5], width: [2, 2] });
    expect(data[1]).toMatchObject({ name: 'lognormal fit', x: [0, 3], y: [0, 4.5] });
    expect((layout.shapes as { x0: number }[]).map((s) => s.x0)).toEqual([10, 4]);
    expect((layout.annotations as { text: string }[]).map((a) => a.text)).toEqual(['USL 10', 'target 4']);
  });
});
