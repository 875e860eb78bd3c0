import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { generateLog } from '../../../../bench/generate.ts';
import { CancelledError, InputError } from '../../errors.ts';
import { MAX_ATTRIBUTE_COLUMNS } from '../../eventlog/index.ts';
import { testFolder } from '../csv/files.fixture.ts';
import type { ImportContext, ParsedLog } from '../parsed-log.ts';
import { parseXesLog, type XesImportOptions } from './parse-xes-log.ts';
import { parseXesPiece } from './parse-xes-piece.ts';
import { splitWanted } from './parse-xes-parallel.ts';
import { traceSplitIn } from './xes-split.ts';

// The split read must give exactly what the one-pass read gives (issue 11): the second method
// here is the one-pass parser itself, run on the same file, compared whole (every column,
// dictionary, case id and attribute, rejected rows with their lines, notes) or error for error.
const folder = testFolder('parxes');
afterAll(() => folder.cleanup());
const SHARED = join(import.meta.dirname, '../../../../../shared/data');

interface Outcome {
  single: ParsedLog | Error;
  parallel: ParsedLog | Error;
  /** Where the piece started and what it answered, when one ran. */
  piece: { start: number; kind: string | null } | null;
  /** Whether the piece was merged; null when the file was not split. */
  merged: boolean | null;
}

/** Reads `path` in one pass and split at the first clean `<trace` from `from` (in-process piece). */
async function both(path: string, from: number, options: XesImportOptions = {}): Promise<Outcome> {
  const settle = (p: Promise<ParsedLog>) => p.catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  const single = await settle(parseXesLog(path, { fileName: 'log.xes' }, options));
  let piece: Outcome['piece'] = null;
  let merged: boolean | null = null;
  const ctx: ImportContext = {
    fileName: 'log.xes',
    xesSplitThresholdBytes: 0,
    xesSplitFrom: from,
    runXesPiece: async (input) => {
      // Where the piece starts is known at once: when this parse falls back before the piece is
      // done, the piece is stopped and its kind never comes (a race the test must not depend on).
      piece = { start: input.start, kind: null };
      // Through structured clone, as across a thread.
      const result = structuredClone(await parseXesPiece(input));
      piece = { start: input.start, kind: result.kind };
      return result;
    },
    onXesSplit: (_, ok) => (merged = ok),
  };
  const parallel = await settle(parseXesLog(path, ctx, options));
  return { single, parallel, piece, merged };
}

function expectSame({ single, parallel }: Outcome): void {
  if (single instanceof Error) {
    expect(parallel).toBeInstanceOf(single.constructor);
    expect((parallel as Error).message).toBe(single.message);
    if (single instanceof InputError) expect((parallel as InputError).details).toEqual(single.details);
  } else expect(parallel).toEqual(single);
}

/** Offsets of every `<trace` tag in a file (these test files hold no such text elsewhere). */
function traceOffsets(path: string): number[] {
  const bytes = readFileSync(path);
  const out: number[] = [];
  for (let at = bytes.indexOf('<trace'); at >= 0; at = bytes.indexOf('<trace', at + 1)) out.push(at);
  return out;
}

const ev = (activity: string, time: string, extra = '') =>
  `\t\t<event>\n\t\t\t<string key="concept:name" value="${activity}"/>\n\t\t\t<date key="time:timestamp" value="${time}"/>\n${extra}\t\t</event>\n`;
const trace = (name: string | null, body: string, attributes = '') =>
  `\t<trace>\n${name === null ? '' : `\t\t<string key="concept:name" value="${name}"/>\n`}${attributes}${body}\t</trace>\n`;
const xes = (traces: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<!-- a head comment -->\n<log xes.version="1.0">\n\t<global scope="event"><string key="concept:name" value="?"/></global>\n${traces.join('')}</log>\n`;

describe('XES read split in two pieces gives the one-pass result', () => {
  it('on every shared XES log, split past the middle', async () => {
    const files = readdirSync(SHARED).filter((f) => f.endsWith('.xes'));
    expect(files.length).toBe(4);
    for (const f of files) {
      const path = join(SHARED, f);
      const outcome = await both(path, Math.floor(statSync(path).size / 2));
      expectSame(outcome);
      expect(outcome.piece).not.toBeNull();
      // 10_orders.xes stores its timestamps as text, in a format read from its first ones.
      expect(outcome.merged).toBe(f !== '10_orders.xes');
      if (f === '10_orders.xes') expect(outcome.piece!.kind).toBe('whole file');
    }
  });

  it('at every trace boundary of the running example', async () => {
    const path = join(SHARED, 'running-example.xes');
    const offsets = traceOffsets(path);
    expect(offsets.length).toBe(6);
    // The first trace has no `</trace>` before it: it is never a split point.
    for (const at of offsets.slice(1)) {
      const outcome = await both(path, at);
      expect(outcome.piece?.start).toBe(at);
      expect(outcome.merged).toBe(true);
      expectSame(outcome);
    }
  });

  it('merges columns by name, widens types across the split, keeps dropped cases’ attribute values', async () => {
    const t = (d: number) => `2024-01-${String(d).padStart(2, '0')}T10:00:00`;
    const path = folder.write(
      'mixed.xes',
      xes([
        trace(
          'c1',
          ev('a', t(1), '\t\t\t<int key="n" value="1"/>\n\t\t\t<string key="s" value="x"/>\n'),
          '\t\t<int key="prio" value="1"/>\n',
        ),
        trace('c2', ev('b', t(2), '\t\t\t<int key="n" value="2"/>\n\t\t\t<boolean key="flag" value="true"/>\n')),
        // Every event set aside (no timestamp): the case is left out, its attribute value stays in the dictionary.
        trace(
          'c3',
          ev('a', 'bad', '\t\t\t<string key="only-late" value="q"/>\n'),
          '\t\t<string key="prio" value="gone"/>\n',
        ),
        trace(
          'c4',
          ev('c', t(4), '\t\t\t<string key="n" value="n/a"/>\n\t\t\t<int key="s" value="7"/>\n'),
          '\t\t<string key="prio" value="high"/>\n',
        ),
        trace(
          'c5',
          ev(
            'a',
            t(5),
            '\t\t\t<date key="flag" value="2024-02-01T00:00:00Z"/>\n\t\t\t<list key="tags"><values/></list>\n',
          ),
        ),
        trace('c6', '', '\t\t<string key="prio" value="empty trace"/>\n'),
        `\t<event><string key="concept:name" value="orphan"/><date key="time:timestamp" value="${t(6)}"/></event>\n`,
        trace(
          'c7',
          ev(
            'd',
            t(7),
            '\t\t\t<float key="n" value="2.50"/>\n\t\t\t<string key="note" value="v"><string key="meta" value="m"/></string>\n',
          ),
          '\t\t<boolean key="vip" value="false"/>\n',
        ),
        trace('c8', ev('e', t(8)) + '\t\t<string key="concept:name" value="late"/>\n'),
      ]),
    );
    const offsets = traceOffsets(path);
    for (const at of offsets.slice(1)) {
      const outcome = await both(path, at, { timezone: 'Europe/Amsterdam' });
      expect(outcome.merged).toBe(true);
      expectSame(outcome);
    }
    // Not a test that cannot fail: the one-pass log does hold what the merge must reproduce.
    const { log, rejected, notes } = (await both(path, offsets[4])).single as ParsedLog;
    expect(log.eventAttributes.find((c) => c.name === 'n')?.type).toBe('string');
    const prio = log.caseAttributes.find((c) => c.name === 'prio')!;
    // An empty trace makes no case, so its attribute is never set.
    expect(prio.type === 'string' && prio.dictionary).toEqual(['1', 'gone', 'high']);
    expect(log.caseIds).toEqual(['c1', 'c2', 'c4', 'c5', 'c7', 'c8']);
    expect(rejected.map((r) => r.reason.slice(0, 20))).toEqual(['time:timestamp "bad"', 'event is outside any']);
    expect(notes.join(' ')).toMatch(/naive|no time-zone offset/);
  });

  it('on generated logs, clean and dirty, split at several places (rejected rows keep their lines)', async () => {
    for (const dirty of [false, true]) {
      const path = folder.path(`gen-${dirty}.xes`);
      await generateLog({ events: 6000, seed: 5, format: 'xes', out: path, dirty, startTimestamps: dirty });
      const size = statSync(path).size;
      for (const share of [0.2, 0.5, 0.9]) {
        const outcome = await both(path, Math.floor(size * share));
        expect(outcome.merged).toBe(true);
        expectSame(outcome);
      }
      const { single } = await both(path, size >> 1);
      if (dirty) expect((single as ParsedLog).rejectedCount).toBeGreaterThan(0);
    }
  }, 60_000);

  it('reads a gzipped or UTF-16 file in one pass, a Latin-1 one in pieces', async () => {
    const gz = folder.path('gen.xes.gz');
    await generateLog({ events: 3000, seed: 6, format: 'xes.gz', out: gz });
    const packed = await both(gz, 1000);
    expect(packed.piece).toBeNull();
    expectSame(packed);

    const body = (decl: string) =>
      xes([trace('A', ev('café', '2020-01-01T00:00:00Z')), trace('B', ev('thé', '2020-01-02T00:00:00Z'))]).replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        decl,
      );
    const latin = folder.write('latin.xes', Buffer.from(body('<?xml version="1.0" encoding="ISO-8859-1"?>'), 'latin1'));
    const latinOutcome = await both(latin, traceOffsets(latin)[1]);
    expect(latinOutcome.merged).toBe(true);
    expectSame(latinOutcome);
    expect((latinOutcome.parallel as ParsedLog).log.activities).toEqual(['café', 'thé']);

    const utf16 = folder.write(
      'utf16.xes',
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(body('<?xml version="1.0" encoding="UTF-16"?>'), 'utf16le'),
      ]),
    );
    const wide = await both(utf16, 200);
    expect(wide.piece).toBeNull();
    expectSame(wide);
  });
});

describe('XES split when cancelled', () => {
  it('stops the piece and the read', async () => {
    const path = join(SHARED, 'receipt.xes');
    const midway = new AbortController();
    let pieceSignal: AbortSignal | null = null;
    const parse = parseXesLog(path, {
      fileName: 'receipt.xes',
      signal: midway.signal,
      xesSplitThresholdBytes: 0,
      xesSplitFrom: statSync(path).size >> 1,
      runXesPiece: async (input, signal) => {
        pieceSignal = signal;
        return parseXesPiece(input);
      },
      onProgress: () => midway.abort(),
    });
    await expect(parse).rejects.toBeInstanceOf(CancelledError);
    expect(pieceSignal!.aborted).toBe(true);
  });
});

describe('XES split falls back to one pass where traces do not allow it', () => {
  const t = (d: number) => `2024-03-${String(d).padStart(2, '0')}T08:00:00Z`;
  const first = [trace('k1', ev('a', t(1)), '\t\t<string key="who" value="x"/>\n'), trace('k2', ev('b', t(2)))];
  const cases: [string, string, 'whole file' | 'part'][] = [
    [
      'a trace without concept:name (named trace-<n> after its place in the file)',
      trace(null, ev('c', t(3))),
      'whole file',
    ],
    [
      'a trace repeating a case id of the first piece',
      trace('k1', ev('c', t(3)), '\t\t<string key="who" value="y"/>\n'),
      'part',
    ],
    [
      'a trace repeating a case id within the piece',
      trace('k3', ev('c', t(3))) + trace('k3', ev('d', t(4))),
      'whole file',
    ],
    [
      'a key repeated in one event',
      trace('k3', ev('c', t(3), '\t\t\t<string key="r" value="1"/>\n\t\t\t<string key="r" value="2"/>\n')),
      'whole file',
    ],
    [
      'a key repeated in one trace',
      trace('k3', ev('c', t(3)), '\t\t<string key="who" value="1"/>\n\t\t<string key="who" value="2"/>\n'),
      'whole file',
    ],
    [
      'a timestamp stored as text',
      trace('k3', ev('c', t(3)).replace('<date key="time:timestamp"', '<string key="time:timestamp"')),
      'whole file',
    ],
  ];
  for (const [what, second, kind] of cases) {
    it(`after ${what}`, async () => {
      const path = folder.write(`fallback-${what.length}.xes`, xes([...first, second]));
      const outcome = await both(path, traceOffsets(path)[2]);
      expect(outcome.piece).toEqual({ start: traceOffsets(path)[2], kind });
      expect(outcome.merged).toBe(false);
      expectSame(outcome);
    });
  }

  it('when the second piece brings more attribute keys than a log keeps columns for', async () => {
    const events = Array.from({ length: MAX_ATTRIBUTE_COLUMNS + 20 }, (_, i) =>
      ev('a', t(1), `\t\t\t<string key="k${i}" value="v"/>\n`),
    );
    const path = folder.write(
      'keys.xes',
      xes([trace('c1', events.slice(0, 300).join('')), trace('c2', events.slice(300).join(''))]),
    );
    const outcome = await both(path, traceOffsets(path)[1]);
    expect(outcome.merged).toBe(false);
    expectSame(outcome);
    expect((outcome.parallel as ParsedLog).log.eventAttributes).toHaveLength(MAX_ATTRIBUTE_COLUMNS);
  });

  it('when the split candidate is inside a comment or CDATA section', async () => {
    const fake = '</trace>\n\t<trace>\n\t\t<string key="concept:name" value="ghost"/>\n';
    const near = xes([
      trace('c1', ev('a', t(1))),
      `\t<!-- ${fake} -->\n`,
      trace('c2', ev('b', t(2))),
      trace('c3', ev('c', t(3))),
    ]);
    const nearPath = folder.write('comment-near.xes', near);
    // The scan sees the comment close by and takes the next clean boundary, after it.
    const nearOutcome = await both(nearPath, near.indexOf(fake));
    expect(nearOutcome.piece!.start).toBeGreaterThan(near.indexOf('-->', near.indexOf(fake)));
    expect(nearOutcome.merged).toBe(true);
    expectSame(nearOutcome);

    // A comment or CDATA section opening far before: the scan cannot see it, the parse does.
    const padding = 'x'.repeat(5000);
    for (const [open, close] of [
      ['<!-- ', ' -->'],
      ['<string key="note" value="n"><![CDATA[', ']]></string>'],
    ]) {
      const far = xes([
        trace('c1', ev('a', t(1)) + `\t\t${open}${padding}\n${fake}\t\t${close}\n`),
        trace('c2', ev('b', t(2))),
      ]);
      const farPath = folder.write(`far-${open.length}.xes`, far);
      const farOutcome = await both(farPath, far.indexOf(fake));
      expect(farOutcome.piece!.start).toBe(far.indexOf('<trace>', far.indexOf(fake)));
      expect(farOutcome.merged).toBe(false);
      expectSame(farOutcome);
      expect((farOutcome.parallel as ParsedLog).log.caseIds).toEqual(['c1', 'c2']);
    }
  });
});

describe('XES split on damaged and hostile files gives the one-pass error', () => {
  const base = readFileSync(join(SHARED, 'running-example.xes'), 'utf8');
  const middle = traceOffsets(join(SHARED, 'running-example.xes'))[3];
  const damaged: [string, string][] = [
    ['cut short in the second piece', base.slice(0, base.length - 700)],
    ['cut short inside a tag', base.slice(0, base.lastIndexOf('<event>') + 4)],
    ['an undefined entity in the second piece', replaceAfter(base, middle, 'value="Pete"', 'value="&nbsp;Pete"')],
    ['a mismatched close tag in the second piece', replaceAfter(base, middle, '</event>', '</evnt>')],
    [
      'a control character in a value in the second piece',
      replaceAfter(base, middle, 'value="Mike"', 'value="Mi\u0001ke"'),
    ],
    ['a DOCTYPE in the second piece', replaceAfter(base, middle, '<event>', '<!DOCTYPE x [<!ENTITY a "b">]><event>')],
    ['text after </log>', `${base.trimEnd()}\ntrailing text\n`],
    ['a second root after </log>', `${base.trimEnd()}\n<log></log>\n`],
    ['a comment never closed in the second piece', replaceAfter(base, middle, '<event>', '<!-- <event>')],
    ['a broken tag in the first piece', base.replace('<event>', '<event =>')],
    ['an undefined entity in the first piece', base.replace('value="Pete"', 'value="&lol;"')],
  ];
  for (const [what, content] of damaged) {
    it(`with ${what}`, async () => {
      const path = folder.write(`damaged-${what.replace(/\W+/g, '-')}.xes`, content);
      const outcome = await both(path, middle);
      expect(outcome.single).toBeInstanceOf(InputError);
      expectSame(outcome);
    });
  }

  it('with an over-long comment in the second piece (the ceiling is the one pass’s)', async () => {
    const content = replaceAfter(base, middle, '<event>', `<!--${' '.repeat(300_000)}--><event>`);
    const path = folder.write('long-comment.xes', content);
    const outcome = await both(path, middle, { maxPendingTextChars: 100_000 });
    expect((outcome.single as InputError).message).toMatch(/longer than 100,000 characters/);
    expectSame(outcome);
  });

  it('gzipped damage is read in one pass', async () => {
    const path = folder.write('cut.xes.gz', gzipSync(Buffer.from(base.slice(0, base.length - 700))));
    const outcome = await both(path, 10);
    expect(outcome.piece).toBeNull();
    expectSame(outcome);
  });
});

describe('splitWanted', () => {
  it('splits with four cores or more (measured: not on two); GEMBA_IMPORT_THREADS decides when set', () => {
    expect([1, 2, 3, 4, 8].map((c) => splitWanted(c, ''))).toEqual([false, false, false, true, true]);
    expect(['1', '2', '16'].map((s) => splitWanted(2, s))).toEqual([false, true, true]);
    expect(['1', '0', 'many'].map((s) => splitWanted(8, s))).toEqual([false, true, true]);
  });
});

describe('traceSplitIn', () => {
  const at = (text: string, from = 0) => traceSplitIn(Buffer.from(text, 'latin1'), from);
  it('takes a <trace after </trace> and white space, at or after `from`', () => {
    const text = '<log><trace></trace>\n  <trace>x</trace><trace \n/></log>';
    expect(at(text)).toBe(text.indexOf('<trace>', 10));
    expect(at(text, text.indexOf('<trace>', 10) + 1)).toBe(text.indexOf('<trace \n'));
  });
  it('refuses look-alikes and candidates inside a comment or CDATA section it sees open', () => {
    expect(at('</trace><traces>')).toBe(-1);
    expect(at('</trace>x<trace>')).toBe(-1);
    expect(at('</trace><trace')).toBe(-1);
    expect(at('<!-- </trace><trace> -->')).toBe(-1);
    expect(at('<![CDATA[ </trace> <trace> ]]>')).toBe(-1);
    expect(at('<!-- x --></trace><trace>')).toBe(18);
    expect(at('<![CDATA[x]]></trace> <trace/>')).toBe(22);
    expect(at('<!-- </trace><trace> --></trace><trace>')).toBe(32);
  });
});

function replaceAfter(text: string, from: number, find: string, put: string): string {
  const at = text.indexOf(find, from);
  if (at < 0) throw new Error(`"${find}" not found after ${from}`);
  return text.slice(0, at) + put + text.slice(at + find.length);
}
