import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.ts';
import { XesTokenizer, XmlSyntaxError, expandReferences, type XesTokenizerOptions } from './xes-tokenizer.ts';

type Token = ['open', string, [string, string][], boolean, number] | ['close', string, number];

function tokenize(chunks: Iterable<Buffer | string>, options?: XesTokenizerOptions): Token[] {
  const out: Token[] = [];
  const tokenizer = new XesTokenizer(
    {
      openTag(tag) {
        const attributes: [string, string][] = [];
        for (let i = 0; i < tag.attributeCount; i++) attributes.push([tag.attributeName(i), tag.attributeValue(i)]);
        out.push(['open', tag.name, attributes, tag.selfClosing, tag.line]);
      },
      closeTag(name, line) {
        out.push(['close', name, line]);
      },
    },
    options,
  );
  for (const chunk of chunks) tokenizer.write(chunk);
  tokenizer.end();
  return out;
}

function* pieces(bytes: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** The same bytes cut every way the tests care about: 1 byte, 7 bytes, whole. */
const CUTS = [1, 7, Number.MAX_SAFE_INTEGER];

function failure(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

const SAMPLE = [
  '<?xml version="1.0" encoding="UTF-8"?>', // 1
  '<!-- a comment with > and -- and <tags> inside -->', // 2
  '<log xes.version="1.0">', // 3
  '  <trace>', // 4
  '    <string key="concept:name" value="A &amp; B &lt;1&gt; &#38;&#x26;"/>', // 5
  `    <string key = 'q' value='say "hi" &apos;x&apos;'/>`, // 6
  '    <event>', // 7
  '      <string key="concept:name" value="café 😀 ü"/>', // 8
  '      <?pi some > stuff?>', // 9
  '      <date key="time:timestamp"', // 10
  '            value="2020-01-01T00:00:00Z" />', // 11
  '      <string key="note" value="two', // 12
  'lines\tand tab"/>', // 13
  '      <![CDATA[ <not> a tag ]]>', // 14
  '      <string key="gt" value="a > b"/>', // 15
  '    </event>', // 16
  '  </trace >', // 17
  '</log>', // 18
  '<!-- trailing -->', // 19
];

// Worked out by hand from SAMPLE: lines are those of each tag's "<".
const SAMPLE_TOKENS: Token[] = [
  ['open', 'log', [['xes.version', '1.0']], false, 3],
  ['open', 'trace', [], false, 4],
  [
    'open',
    'string',
    [
      ['key', 'concept:name'],
      ['value', 'A & B <1> &&'],
    ],
    true,
    5,
  ],
  ['close', 'string', 5],
  [
    'open',
    'string',
    [
      ['key', 'q'],
      ['value', `say "hi" 'x'`],
    ],
    true,
    6,
  ],
  ['close', 'string', 6],
  ['open', 'event', [], false, 7],
  [
    'open',
    'string',
    [
      ['key', 'concept:name'],
      ['value', 'café 😀 ü'],
    ],
    true,
    8,
  ],
  ['close', 'string', 8],
  [
    'open',
    'date',
    [
      ['key', 'time:timestamp'],
      ['value', '2020-01-01T00:00:00Z'],
    ],
    true,
    10,
  ],
  ['close', 'date', 10],
  // XML attribute-value normalisation: the line end and the tab each read as one space.
  [
    'open',
    'string',
    [
      ['key', 'note'],
      ['value', 'two lines and tab'],
    ],
    true,
    12,
  ],
  ['close', 'string', 12],
  [
    'open',
    'string',
    [
      ['key', 'gt'],
      ['value', 'a > b'],
    ],
    true,
    15,
  ],
  ['close', 'string', 15],
  ['close', 'event', 16],
  ['close', 'trace', 17],
  ['close', 'log', 18],
];

describe('XesTokenizer reads tags across any chunking', () => {
  for (const lineEnd of ['\n', '\r\n']) {
    const bytes = Buffer.from(SAMPLE.join(lineEnd) + lineEnd, 'utf8');
    for (const size of CUTS) {
      it(`gives the hand-worked tags for ${size === CUTS[2] ? 'one whole chunk' : `${size}-byte chunks`}, ${lineEnd === '\n' ? 'LF' : 'CRLF'} line ends`, () => {
        expect(tokenize(pieces(bytes, size))).toEqual(SAMPLE_TOKENS);
      });
    }
  }

  it('reads text chunks (as the UTF-16 path gives them) like the bytes', () => {
    const text = SAMPLE.join('\n');
    const sevens: string[] = [];
    const chars = Array.from(text); // whole code points: a decoder never splits a surrogate pair
    for (let i = 0; i < chars.length; i += 7) sevens.push(chars.slice(i, i + 7).join(''));
    expect(tokenize(sevens)).toEqual(SAMPLE_TOKENS);
    expect(tokenize([text])).toEqual(SAMPLE_TOKENS);
  });

  it('decodes values as Latin-1 when told so', () => {
    const bytes = Buffer.from('<log><string key="a" value="caf\xe9"/></log>', 'latin1');
    expect(bytes.includes(0xe9)).toBe(true);
    for (const size of CUTS) {
      expect(tokenize(pieces(bytes, size), { encoding: 'latin1' })[1]).toEqual([
        'open',
        'string',
        [
          ['key', 'a'],
          ['value', 'café'],
        ],
        true,
        1,
      ]);
    }
  });

  it('answers attribute(name) by name, undefined when absent', () => {
    const seen: (string | undefined)[] = [];
    const tokenizer = new XesTokenizer({
      openTag(tag) {
        seen.push(tag.attribute('value'), tag.attribute('key'), tag.attribute('nope'), tag.attribute('valu'));
      },
      closeTag() {},
    });
    tokenizer.write('<log value="v" key="k"/>');
    tokenizer.end();
    expect(seen).toEqual(['v', 'k', undefined, undefined]);
  });

  it('reads a tag with more attributes than it first has room for', () => {
    const names = Array.from({ length: 40 }, (_, i) => `a${i}`);
    const doc = `<log ${names.map((n, i) => `${n}="${i === 35 ? 'x &amp; y' : n.toUpperCase()}"`).join(' ')}/>`;
    const expected = names.map((n, i): [string, string] => [n, i === 35 ? 'x & y' : n.toUpperCase()]);
    for (const size of CUTS)
      expect(tokenize(pieces(Buffer.from(doc), size))[0]).toEqual(['open', 'log', expected, true, 1]);
  });

  it('keeps a value spread over many chunks in linear time', () => {
    const value = 'x'.repeat(16 * 1024 * 1024);
    const bytes = Buffer.from(`<log><string key="k" value="${value}"/></log>`);
    const started = performance.now();
    const tokens = tokenize(pieces(bytes, 16 * 1024));
    // Re-scanning the kept bytes for every 16 KiB chunk would read 8 GB and take minutes.
    expect(performance.now() - started).toBeLessThan(3000);
    expect((tokens[1] as ['open', string, [string, string][], boolean, number])[2][1][1]).toBe(value);
  });

  it('skips a DOCTYPE-looking text inside a comment', () => {
    expect(tokenize(['<!-- <!DOCTYPE log> -->\n<log/>'])).toEqual([
      ['open', 'log', [], true, 2],
      ['close', 'log', 2],
    ]);
  });
});

describe('XesTokenizer refuses what XES import must not guess at', () => {
  it('refuses a DOCTYPE on sight, with its line, however the chunks fall', () => {
    const bytes = Buffer.from('<?xml version="1.0"?>\n<!DOCTYPE log [<!ENTITY x "y">]>\n<log>&x;</log>');
    for (const size of CUTS) {
      const error = failure(() => tokenize(pieces(bytes, size)));
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toMatch(/declares a DOCTYPE.*never expands entities/);
      expect((error as InputError).details.line).toBe(2);
    }
  });

  it('refuses an undefined entity with its name and line, also names on Object.prototype', () => {
    for (const name of ['foo', 'nbsp', 'constructor', '__proto__']) {
      const error = failure(() => tokenize([`<log>\n\n<string key="k" value="a &${name}; b"/></log>`]));
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toContain(`Undefined entity &${name}; at line 3`);
      expect(error.message).toMatch(/never expands entities/);
      expect((error as InputError).details.line).toBe(3);
    }
  });

  it('checks references in text too, though the text itself is dropped', () => {
    for (const size of CUTS) {
      const ok = Buffer.from('<log>\n  fish &amp; chips &#38; &#x1F600;\n<trace/></log>');
      expect(tokenize(pieces(ok, size)).map((t) => t[1])).toEqual(['log', 'trace', 'trace', 'log']);
      const undefinedEntity = failure(() => tokenize(pieces(Buffer.from('<log>\n\n  a &foo; b</log>'), size)));
      expect(undefinedEntity.message).toContain('Undefined entity &foo; at line 3');
      const bare = failure(() => tokenize(pieces(Buffer.from('<log>\n  fish & chips</log>'), size)));
      expect(bare.message).toMatch(/"&" not followed by an entity name and ";".*line 2/);
    }
  });

  it('refuses "&" without a reference and character references XML does not allow', () => {
    expect(failure(() => expandReferences('fish & chips', 4)).message).toMatch(
      /"&" not followed by an entity name.*line 4/,
    );
    expect(failure(() => expandReferences('&#0;', 1)).message).toMatch(/&#0; at line 1 is not a character XML allows/);
    expect(failure(() => expandReferences('&#xD800;', 1)).message).toMatch(/not a character/);
    expect(failure(() => expandReferences('&#x110000;', 1)).message).toMatch(/not a character/);
    expect(failure(() => expandReferences('&#12a;', 1)).message).toMatch(/not a character/);
    // Independent values: U+00E9 is 233, U+1F600 is 128512.
    expect(expandReferences('caf&#233; &#x1F600;', 1)).toBe('café 😀');
  });

  const syntax: [string, string, RegExp, number][] = [
    ['mismatched close tag', '<log>\n<trace>\n</event>\n</log>', /close tag <\/event> where <\/trace> was expected/, 3],
    ['close tag without open tag', '<log></log>\n</log>', /text after the root element|without a matching open tag/, 2],
    ['unquoted attribute value', '<log>\n<string key=k/></log>', /not in quotes/, 2],
    ['attribute without a value', '<log>\n<string key/></log>', /without "=" and a quoted value/, 2],
    ['attribute without a name', '<log>\n<string key="k" ="v"/></log>', /without a name/, 2],
    ['"<" inside an attribute value', '<log>\n<string key="a<b"/></log>', /"<" inside an attribute value/, 2],
    ['text before the root', 'id,activity\n<log/>', /text before the root element/, 1],
    ['text after the root', '<log/>\nmore', /text after the root element/, 2],
    ['a second root element', '<log/>\n<log/>', /second root element <log>/, 2],
    ['an attribute twice', '<log>\n<string key="a" key="b"/></log>', /attribute key given twice/, 2],
    ['attributes run together', '<log>\n<string key="a"value="b"/></log>', /not separated by white space/, 2],
    ['"<" starting no tag', '<<<>>> not xml', /"<" that starts no tag/, 1],
    ['"<!" starting nothing known', '<log><!ELEMENT x></log>', /"<!" that starts no comment/, 1],
    ['CDATA outside the root', '<![CDATA[x]]><log/>', /CDATA section outside the root/, 1],
  ];
  for (const [what, doc, reason, line] of syntax) {
    it(`reports ${what} with its line, however the chunks fall`, () => {
      for (const size of CUTS) {
        const error = failure(() => tokenize(pieces(Buffer.from(doc), size)));
        expect(error).toBeInstanceOf(XmlSyntaxError);
        expect((error as XmlSyntaxError).reason).toMatch(reason);
        expect((error as XmlSyntaxError).line).toBe(line);
        expect((error as XmlSyntaxError).truncated).toBe(false);
      }
    });
  }

  it('reports a file cut short as truncated, with the line it stops at', () => {
    const cases: [string, RegExp, number][] = [
      ['<log>\n<trace>\n<event>', /ends before <\/event>/, 3],
      ['<log>\n<trace>\n<string key="a" val', /ends inside a tag that starts at line 3/, 3],
      ['<log>\n<string key="a" value="x\ny', /ends inside a tag that starts at line 2/, 3],
      ['<log>\n<!-- never\nclosed', /ends inside a comment that starts at line 2/, 3],
      ['<log>\n<', /ends inside a tag that starts at line 2/, 2],
      ['<log>\n<!-', /ends inside markup that starts at line 2/, 2],
      ['<log>\n&am', /ends inside a reference that starts at line 2/, 2],
      ['', /no root element/, 1],
    ];
    for (const [doc, reason, line] of cases) {
      for (const size of CUTS) {
        const error = failure(() => tokenize(pieces(Buffer.from(doc), size)));
        expect(error).toBeInstanceOf(XmlSyntaxError);
        expect((error as XmlSyntaxError).truncated).toBe(true);
        expect((error as XmlSyntaxError).reason).toMatch(reason);
        expect((error as XmlSyntaxError).line).toBe(line);
      }
    }
  });

  it('stops at a comment or an attribute value longer than the ceiling, at the line where it starts', () => {
    const limit = { maxPendingChars: 1000 };
    const comment = Buffer.from(`<log>\n<!--${' '.repeat(5000)}-->\n</log>`);
    const value = Buffer.from(`<log>\n<string key="k" value="${'v'.repeat(5000)}"/>\n</log>`);
    for (const bytes of [comment, value]) {
      for (const size of [100, Number.MAX_SAFE_INTEGER]) {
        const error = failure(() => tokenize(pieces(bytes, size), limit));
        expect(error).toBeInstanceOf(InputError);
        expect(error.message).toMatch(/longer than 1,000 characters/);
        expect((error as InputError).details.line).toBe(2);
      }
    }
    // Below the ceiling the same shapes are fine.
    expect(
      tokenize(pieces(Buffer.from(`<log><!--${' '.repeat(900)}--><s k="${'v'.repeat(900)}"/></log>`), 100), limit),
    ).toHaveLength(4);
  });
});

describe('XesTokenizer on damaged files', () => {
  /** Every tag and the error, if any, as one comparable text. */
  function outcome(bytes: Buffer, size: number): string {
    const out: unknown[] = [];
    try {
      for (const t of tokenize(pieces(bytes, size), { maxPendingChars: 4000 })) out.push(t);
    } catch (error) {
      const e = error as XmlSyntaxError & InputError;
      out.push(['error', e.name, e.message, e.line ?? e.details?.line]);
    }
    return JSON.stringify(out);
  }

  it('gives the same tags and the same error whatever the chunk size (random damage to a real log)', () => {
    const base = readFileSync(join(import.meta.dirname, '../../../../../shared/data/running-example.xes'));
    const damage = [
      '<',
      '>',
      '"',
      "'",
      '&',
      '&amp;',
      '&foo;',
      '/',
      '=',
      ' ',
      '\n',
      '<!--',
      '-->',
      '<?x?>',
      '<![CDATA[',
      ']]>',
      '</event>',
      '<event>',
      'é',
      '\r\n',
    ];
    let seed = 4242;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let errors = 0;
    for (let k = 0; k < 40; k++) {
      let bytes = Buffer.from(base);
      for (let m = 0; m <= random(3); m++) {
        const at = random(bytes.length);
        const kind = random(3);
        if (kind === 0) bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1 + random(5))]);
        else if (kind === 1)
          bytes = Buffer.concat([
            bytes.subarray(0, at),
            Buffer.from(damage[random(damage.length)]),
            bytes.subarray(at),
          ]);
        else bytes = bytes.subarray(0, Math.max(at, bytes.length - 200));
      }
      const whole = outcome(bytes, bytes.length);
      if (whole.includes('"error"')) errors++;
      for (const size of [3, 7, 1000]) expect(outcome(bytes, size), `damage ${k}, ${size}-byte chunks`).toBe(whole);
    }
    // The damage does break most copies, so the errors were compared too.
    expect(errors).toBeGreaterThan(20);
  });
});
