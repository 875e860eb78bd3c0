import { describe, expect, it } from 'vitest';
import { fitView, zoomView } from './map-view-box.ts';

describe('fitView', () => {
  it('centres a map that fits (by hand)', () => {
    // 400×300 in 832×632: limits (800/400, 600/300) = 2 → capped at 1.5 → 600×450, centred
    expect(fitView({ width: 400, height: 300 }, { width: 832, height: 632 })).toEqual({ scale: 1.5, x: 116, y: 91 });
    // 1600×600 in 832×632: 800/1600 = 0.5 < 0.6 → readable floor 0.6: 960×360, x = (832 − 960)/2, y = (632 − 360)/2
    expect(fitView({ width: 1600, height: 600 }, { width: 832, height: 632 })).toEqual({ scale: 0.6, x: -64, y: 136 });
    // too wide: the start node (x = 300 in the map) goes to the middle: 416 − 300 × 0.6 = 236
    expect(fitView({ width: 1600, height: 600 }, { width: 832, height: 632 }, 300)).toEqual({ scale: 0.6, x: 236, y: 136 });
    // not too wide: the anchor is not needed, the map is centred
    expect(fitView({ width: 400, height: 300 }, { width: 832, height: 632 }, 10).x).toBe(116);
  });
  it('shows a tall map from its top at a readable scale', () => {
    // 800×2000 in 832×632: 600/2000 = 0.3 → 0.6: 480×1200, too high, so top-aligned at the margin
    expect(fitView({ width: 800, height: 2000 }, { width: 832, height: 632 })).toEqual({ scale: 0.6, x: 176, y: 16 });
  });
});

describe('zoomView', () => {
  it('keeps the point under the zoom centre in place', () => {
    const view = { x: 100, y: 50, scale: 1 };
    const zoomed = zoomView(view, 2, 300, 250);
    // the map point under (300, 250) is ((300 − 100)/1, (250 − 50)/1) = (200, 200), before and after
    expect(zoomed).toEqual({ scale: 2, x: -100, y: -150 });
    expect((300 - zoomed.x) / zoomed.scale).toBe(200);
    expect(zoomView({ x: 0, y: 0, scale: 7 }, 2, 0, 0).scale).toBe(8);
  });
});
