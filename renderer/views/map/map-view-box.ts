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

/** Below this scale the map's 12 pt labels and 11 pt path figures drop under ~9 px. */
export const MIN_READABLE_SCALE = 0.6;
/** A small map is not blown up beyond this. */
export const MAX_FIT_SCALE = 1.5;
const MARGIN = 16;

/**
 * The whole map centred in the frame. A map too large to fit at a readable scale is shown at
 * that scale from its top, where the process starts; across, it is centred, or, when too wide,
 * put with `anchorX` (the start node's x in map pixels) in the middle, and the user pans on.
 */
export function fitView(content: Size, frame: Size, anchorX?: number): View {
  const fits = Math.min((frame.width - 2 * MARGIN) / content.width, (frame.height - 2 * MARGIN) / content.height);
  const scale = Math.max(MIN_READABLE_SCALE, Math.min(MAX_FIT_SCALE, fits));
  const width = content.width * scale;
  const height = content.height * scale;
  const wide = width > frame.width - 2 * MARGIN;
  return {
    scale,
    x: wide && anchorX !== undefined ? frame.width / 2 - anchorX * scale : (frame.width - width) / 2,
    y: height <= frame.height - 2 * MARGIN ? (frame.height - height) / 2 : MARGIN,
  };
}

/** Zooms by `factor` keeping the map point under (cx, cy) — the mouse, or the frame's centre — in place. */
export function zoomView(view: View, factor: number, cx: number, cy: number): View {
  const scale = Math.min(8, Math.max(0.05, view.scale * factor));
  const k = scale / view.scale;
  return { scale, x: cx - (cx - view.x) * k, y: cy - (cy - view.y) * k };
}
