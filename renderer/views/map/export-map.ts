/** Saves the map the user sees (the laid-out SVG) as an SVG or PNG file, with a title block. */
import { downloadBlob } from '../../components/download.ts';
import { uiFontFace, withFontFace } from '../../components/ui-font.ts';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const TITLE_SIZE = 14;
const LINE_SIZE = 10;
const LINE_HEIGHT = 14;
const PAD = 8;

/**
 * The map SVG under a title block (first line bold): which log, which filters, when, and how
 * the map was simplified, so an exported picture says what it shows. The Graphviz SVG becomes a
 * nested <svg> below the block; sizes stay in the map's points.
 */
export function titledSvg(svg: string, lines: readonly string[]): string {
  const root = /^<svg\b[^>]*>/.exec(svg);
  const viewBox = root ? /viewBox="([^"]+)"/.exec(root[0]) : null;
  if (!root || !viewBox) return svg;
  const [, , mapWidth, mapHeight] = viewBox[1]
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  // The bundled DejaVu Sans averages under 0.62 em per character (digits 0.64, lowercase about
  // 0.6, bold a little more): wide enough for the longest line.
  const textWidth =
    Math.max(...lines.map((line, i) => line.length * (i === 0 ? TITLE_SIZE : LINE_SIZE) * (i === 0 ? 0.66 : 0.62))) +
    2 * PAD;
  const width = Math.ceil(Math.max(mapWidth, textWidth));
  const block = PAD + TITLE_SIZE + (lines.length - 1) * LINE_HEIGHT + PAD;
  const height = Math.ceil(block + mapHeight);
  const text = lines.map((line, i) =>
    i === 0
      ? `<text x="${PAD}" y="${PAD + TITLE_SIZE}" font-size="${TITLE_SIZE}" font-weight="bold" fill="#1d232a">${escapeXml(line)}</text>`
      : `<text x="${PAD}" y="${PAD + TITLE_SIZE + i * LINE_HEIGHT}" font-size="${LINE_SIZE}" fill="#4a525c">${escapeXml(line)}</text>`,
  );
  const inner = svg.slice(root[0].length).replace(/<\/svg>\s*$/, '');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}pt" height="${height}pt" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<g class="title-block" font-family="Gemba Sans,DejaVu Sans,sans-serif">${text.join('')}</g>`,
    `<line x1="${PAD}" x2="${width - PAD}" y1="${block - 3}" y2="${block - 3}" stroke="#dde1e7"/>`,
    `<svg x="${(width - mapWidth) / 2}" y="${block}" width="${mapWidth}" height="${mapHeight}" viewBox="${viewBox[1]}">${inner}</svg>`,
    '</svg>',
  ].join('\n');
}

/** The SVG file carries the UI font, so it is drawn as in the app wherever it is opened. */
export async function exportSvg(svg: string, name: string): Promise<void> {
  const embedded = withFontFace(svg, await uiFontFace());
  await downloadBlob(
    new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${embedded}`], { type: 'image/svg+xml' }),
    `${name}.svg`,
  );
}

/** Rasterises the SVG at twice its size so the PNG stays sharp when zoomed or printed. */
export async function exportPng(svg: string, name: string, scale = 2): Promise<void> {
  // An <img> cannot use the page's fonts: the font goes inside the SVG it draws.
  const url = URL.createObjectURL(new Blob([withFontFace(svg, await uiFontFace())], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The map could not be drawn as an image.'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(image.width * scale);
    canvas.height = Math.ceil(image.height * scale);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The map could not be encoded as PNG.');
    await downloadBlob(blob, `${name}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}

export interface ExportContext {
  workspaceName: string;
  fileName: string | null;
  /** Filter chips' text. */
  filters: readonly string[];
  view: string;
  activities: number;
  paths: number;
  shownActivities: number;
  totalActivities: number;
  shownPaths: number;
  totalPaths: number;
  cases: number;
  totalCases: number;
  /** e.g. "Mon–Fri 9–17, Europe/Berlin", or null when durations are wall-clock. */
  calendar: string | null;
  /** When, as the user's clock shows it, with the zone. */
  exportedAt: string;
  /** Descriptions of the data-quality fixes the map was computed with; absent or empty when none. */
  fixes?: readonly string[];
}

/** "2 data-quality fixes in force", or "no data-quality fixes". */
export function fixesCaption(count: number): string {
  return count === 0 ? 'no data-quality fixes' : `${count} data-quality fix${count === 1 ? '' : 'es'} in force`;
}

/** The lines of an exported map's title block. */
export function exportTitle(c: ExportContext): string[] {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return [
    `${c.workspaceName}${c.fileName ? ` — ${c.fileName}` : ''}`,
    `Process map, ${c.view} · activities ${pct(c.activities)} (${c.shownActivities} of ${c.totalActivities}) · paths ${pct(c.paths)} (${c.shownPaths} of ${c.totalPaths})`,
    `${c.filters.length ? `Filters: ${c.filters.join('; ')}` : 'No filters'} · ${c.cases.toLocaleString('en-US')} of ${c.totalCases.toLocaleString('en-US')} cases`,
    `${c.calendar ? `Durations in working hours (${c.calendar})` : 'Durations in wall-clock time'} · exported ${c.exportedAt}`,
    ...(c.fixes?.length ? [`${fixesCaption(c.fixes.length)}: ${c.fixes.join('; ')}`] : []),
  ];
}
