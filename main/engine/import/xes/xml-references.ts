import { InputError } from '../../errors.ts';

/** XML references (`&amp;`, `&#233;`): the five named entities and character references, never any other entity. */

const NAMED_ENTITIES: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
});

/** Longest reference read: `&#x10FFFF;` and the named ones fit easily. */
export const MAX_REFERENCE_CHARS = 32;

/** Replaces `&amp;`-style and numeric references; any other entity is refused, never expanded. */
export function expandReferences(text: string, line: number): string {
  let out = '';
  let from = 0;
  for (;;) {
    const amp = text.indexOf('&', from);
    if (amp < 0) break;
    const semi = text.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > MAX_REFERENCE_CHARS) {
      const shown = text.slice(amp, amp + 12);
      throw new InputError(
        `"&" not followed by an entity name and ";" (${shown}…) at line ${line}. A literal "&" is written &amp;.`,
        {
          line,
          hint: 'Export the log again; a valid XES file writes "&" as &amp;.',
        },
      );
    }
    const name = text.slice(amp + 1, semi);
    out += text.slice(from, amp) + expandReference(name, line);
    from = semi + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

function expandReference(name: string, line: number): string {
  const named = NAMED_ENTITIES[name];
  if (named !== undefined) return named;
  if (name.charCodeAt(0) === 0x23 /* # */) {
    const hex = name[1] === 'x';
    const digits = name.slice(hex ? 2 : 1);
    const valid = hex ? /^[0-9a-fA-F]{1,6}$/.test(digits) : /^[0-9]{1,7}$/.test(digits);
    const code = valid ? parseInt(digits, hex ? 16 : 10) : -1;
    if (isXmlChar(code)) return String.fromCodePoint(code);
    throw new InputError(`The character reference &${name}; at line ${line} is not a character XML allows.`, {
      line,
      hint: 'Export the log again; the file is damaged or was written by a faulty tool.',
    });
  }
  throw new InputError(
    `Undefined entity &${name}; at line ${line}: XML itself defines only &amp; &lt; &gt; &quot; &apos;, and Gemba never expands entities.`,
    { line, hint: 'Write the character itself or a numeric reference such as &#233;, or export the log again.' },
  );
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
