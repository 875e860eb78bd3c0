import { ADVANCE_RANGES, MISSING_ADVANCE, UNITS_PER_EM } from './font-widths.generated.ts';

/**
 * How wide text is drawn in the app's bundled UI font (DejaVu Sans, renderer/fonts/), from the
 * font's own advance widths (font-widths.generated.ts). Map nodes are sized with it, so a label
 * fits its box wherever the app runs: Graphviz alone sizes boxes for Helvetica, which many Linux
 * machines lack, and the wider font Chromium falls back to cut labels off.
 */

/** The font family the map's text is drawn in: the bundled face first (see renderer/styles.css). */
export const MAP_FONT_FAMILY = 'Gemba Sans,DejaVu Sans,sans-serif';

const table = new Map<number, number>();
for (const range of ADVANCE_RANGES) range.widths.forEach((width, i) => width > 0 && table.set(range.first + i, width));

/**
 * Width in the units of `fontSize` (points in, points out). A character the font lacks is drawn
 * by a fallback font; it counts as the wider of one em and the font's missing-glyph box, so a
 * label is never sized too narrow (CJK is about one em).
 */
export function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) units += table.get(ch.codePointAt(0)!) ?? Math.max(UNITS_PER_EM, MISSING_ADVANCE);
  return (units / UNITS_PER_EM) * fontSize;
}
