/**
 * The bundled UI font as an @font-face rule with the font inline, for SVG that is drawn outside
 * the page: a map exported as PNG is rasterised through an <img>, which cannot use the page's
 * fonts, and an exported SVG file is opened on machines without the font. Embedded, the labels
 * are drawn in the font the engine sized the nodes for (main/engine/map/text-width.ts).
 */
export const UI_FONT_FAMILY = 'Gemba Sans';

const FONT_URL = new URL('../fonts/DejaVuSans.ttf', import.meta.url).href;
let cached: Promise<string> | null = null;

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The @font-face rule, fetched once from the app's own files (no network). */
export function uiFontFace(): Promise<string> {
  cached ??= fetch(FONT_URL)
    .then((response) => {
      if (!response.ok) throw new Error(`The UI font could not be read (${response.status}).`);
      return response.arrayBuffer();
    })
    .then(
      (buffer) =>
        `@font-face{font-family:'${UI_FONT_FAMILY}';src:url(data:font/ttf;base64,${base64(new Uint8Array(buffer))}) format('truetype');font-weight:400;}`,
    );
  cached.catch(() => (cached = null));
  return cached;
}

/** The SVG with the font's rule in a <style> right after its root element. */
export function withFontFace(svg: string, fontFace: string): string {
  const root = /^\s*(?:<\?xml[^>]*>\s*)?<svg\b[^>]*>/.exec(svg);
  if (!root) return svg;
  return `${svg.slice(0, root.index + root[0].length)}<style>${fontFace}</style>${svg.slice(root.index + root[0].length)}`;
}
