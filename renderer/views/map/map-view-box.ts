/** Where the map sits in its frame: translate (x, y) in frame pixels, then scale. */
export interface View {
  x: number;
  y: number;
  scale: number;
}

interface Size {
  width: number;
  height: number;
}

/**
 * Below this scale the map's 12 pt labels drop under ~5.5 px and stop being readable. "Fit" still
 * goes below it when it must (the whole map is what Fit promises); the first view of a log
 * instead shows fewer activities so that it fits at this scale or above (see fewerActivitiesToFit).
 */
export const MIN_READABLE_SCALE = 0.45;
/** A small map is not blown up beyond this. */
export const MAX_FIT_SCALE = 1.5;
/** Not even Fit goes below this: a map this small is a thumbnail, and zoom takes over. */
export const MIN_FIT_SCALE = 0.05;
const MARGIN = 16;

/** The scale at which the whole map fits in the frame (capped at MAX_FIT_SCALE). */
export function fitScale(content: Size, frame: Size): number {
  const fits = Math.min((frame.width - 2 * MARGIN) / content.width, (frame.height - 2 * MARGIN) / content.height);
  return Math.max(MIN_FIT_SCALE, Math.min(MAX_FIT_SCALE, fits));
}

/** The whole map centred in the frame, at whatever scale that needs. */
export function fitView(content: Size, frame: Size): View {
  const scale = fitScale(content, frame);
  return {
    scale,
    x: (frame.width - content.width * scale) / 2,
    y: (frame.height - content.height * scale) / 2,
  };
}

/**
 * How many activities to show so that a map now showing `shown` of them, fitted at `scale`,
 * fits at MIN_READABLE_SCALE: a map's height and width grow about linearly with its activities
 * (levels and nodes per level), so shrink by the ratio of scales, and by at least one activity
 * so the search ends. Null when the map is readable already or cannot usefully shrink.
 */
export function fewerActivitiesToFit(shown: number, scale: number, least = 3): number | null {
  if (scale >= MIN_READABLE_SCALE || shown <= least) return null;
  return Math.max(least, Math.min(shown - 1, Math.floor(shown * (scale / MIN_READABLE_SCALE))));
}

/** Zooms by `factor` keeping the map point under (cx, cy) — the mouse, or the frame's centre — in place. */
export function zoomView(view: View, factor: number, cx: number, cy: number): View {
  const scale = Math.min(8, Math.max(0.05, view.scale * factor));
  const k = scale / view.scale;
  return { scale, x: cx - (cx - view.x) * k, y: cy - (cy - view.y) * k };
}
