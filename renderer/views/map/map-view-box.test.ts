import { describe, expect, it } from 'vitest';
import { fewerActivitiesToFit, fitView, zoomView } from './map-view-box.ts';

describe('fitView', () => {
  it('centres a map that fits (by hand)', () => {
    // 400×300 in 832×632: limits (800/400, 600/300) = 2 → capped at 1.5 → 600×450, centred
    expect(fitView({ width: 400, height: 300 }, { width: 832, height: 632 })).toEqual({ scale: 1.5, x: 116, y: 91 });
  });
  it('shows the whole of a map too large for the frame, at the scale it needs', () => {
    // 1600×600 in 832×632: 800/1600 = 0.5 → 800×300, x = 16, y = (632 − 300)/2 = 166
    expect(fitView({ width: 1600, height: 600 }, { width: 832, height: 632 })).toEqual({ scale: 0.5, x: 16, y: 166 });
    // 800×2000 in 832×632: 600/2000 = 0.3 → 240×600: y = 16, x = (832 − 240)/2 = 296
    expect(fitView({ width: 800, height: 2000 }, { width: 832, height: 632 })).toEqual({ scale: 0.3, x: 296, y: 16 });
  });
});

describe('fewerActivitiesToFit', () => {
  it('shrinks the activities by the ratio of scales, at least by one', () => {
    // 15 shown at 0.3: 15 × 0.3/0.45 = 10
    expect(fewerActivitiesToFit(15, 0.3)).toBe(10);
    // 15 at 0.44: 14.67 → 14, one fewer
    expect(fewerActivitiesToFit(15, 0.44)).toBe(14);
    expect(fewerActivitiesToFit(20, 0.01)).toBe(3);
  });
  it('stops when readable or when too few are left', () => {
    expect(fewerActivitiesToFit(15, 0.45)).toBeNull();
    expect(fewerActivitiesToFit(3, 0.2)).toBeNull();
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
