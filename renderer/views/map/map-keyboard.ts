/**
 * Makes a rendered map usable from the keyboard: every activity box and path becomes a focusable
 * button (Tab reaches them in the map's order, Enter or Space selects, as a click does) named in
 * words for screen readers: "register request, 6" or "path register request → check ticket, 4".
 */
export function makeMapFocusable(svg: Element): void {
  const names = new Map<string, string>();
  for (const node of Array.from(svg.querySelectorAll('g.node'))) {
    const title = node.querySelector('title')?.textContent ?? '';
    const lines = Array.from(node.querySelectorAll('text'), (t) => t.textContent ?? '');
    // The last line of an activity box is its figure; the others are its wrapped name.
    names.set(title, lines.length > 1 ? lines.slice(0, -1).join(' ') : (lines[0] ?? title));
    if (/^act_\d+$/.test(node.id))
      label(node, lines.length > 1 ? `${lines.slice(0, -1).join(' ')}, ${lines.at(-1)}` : lines.join(' '));
  }
  for (const edge of Array.from(svg.querySelectorAll('g.edge'))) {
    if (!/^path_\d+$/.test(edge.id)) continue;
    const [from = '', to = ''] = (edge.querySelector('title')?.textContent ?? '').split('->');
    const figure = Array.from(edge.querySelectorAll('text'), (t) => t.textContent ?? '').join(' ');
    label(edge, `path ${names.get(from) ?? from} → ${names.get(to) ?? to}${figure ? `, ${figure}` : ''}`);
  }
}

function label(element: Element, text: string): void {
  element.setAttribute('tabindex', '0');
  element.setAttribute('role', 'button');
  element.setAttribute('aria-label', text);
}

/** The map element a key press selects: Enter or Space on a focused activity or path. */
export function keySelects(key: string): boolean {
  return key === 'Enter' || key === ' ';
}
