/** A map's SVG as a standalone document (`gemba map WS --out map.svg`): the XML prolog, then the drawing. */
export function standaloneSvg(svg: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n${svg}`;
}
