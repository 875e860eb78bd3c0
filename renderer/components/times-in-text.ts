/**
 * Engine messages quote instants as ISO 8601 ("2011-01-06T11:18:00.000Z"). Split such a text so
 * the instants can be shown like every other time in the UI (useTimeFormat), the words around
 * them unchanged. Only full instants (date, time and a zone: Z or an offset) are taken; a bare
 * date or a time without a zone is left as written, since it names no single instant.
 */
export type TextPart = { text: string } | { iso: string };

const INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})(?!\d)/g;

export function splitTimes(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(INSTANT)) {
    const start = match.index;
    if (Number.isNaN(Date.parse(match[0]))) continue;
    if (start > at) parts.push({ text: text.slice(at, start) });
    parts.push({ iso: match[0] });
    at = start + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
