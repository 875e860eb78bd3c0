/**
 * The map SVG comes from Graphviz in our engine and labels are escaped there, but it is still
 * parsed as data and stripped of anything active before it enters the page: no script, no
 * foreignObject, no event-handler attributes, no links.
 */
export function sanitizedSvg(text: string): SVGSVGElement | null {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const svg = doc.documentElement;
  if (svg.nodeName !== 'svg' || doc.getElementsByTagName('parsererror').length) return null;
  for (const el of Array.from(svg.querySelectorAll('script, foreignObject, iframe, a'))) {
    if (el.nodeName === 'a') el.replaceWith(...Array.from(el.childNodes));
    else el.remove();
  }
  for (const el of Array.from(svg.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name) || /href$/i.test(attr.name)) el.removeAttribute(attr.name);
    }
  }
  return document.importNode(svg, true) as unknown as SVGSVGElement;
}
