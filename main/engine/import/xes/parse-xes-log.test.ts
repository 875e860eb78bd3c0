import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { CancelledError } from '../../errors.ts';
import type { EventLog } from '../../eventlog/event-log.ts';
import { MAX_ATTRIBUTE_COLUMNS } from '../../eventlog/event-log-builder.ts';
import type { ImportContext } from '../parsed-log.ts';
import { parseXesLog } from './parse-xes-log.ts';
import { inputErrorOf } from '../input-error-of.fixture.ts';

const DATA = join(import.meta.dirname, '../../../../../shared/data');
const dir = mkdtempSync(join(tmpdir(), 'gemba-xes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCounter = 0;
function writeTemp(content: string | Buffer, ext = '.xes'): string {
  const path = join(dir, `f${++fileCounter}${ext}`);
  writeFileSync(path, content);
  return path;
}

const ctx = (fileName = 'test.xes', extra: Partial<ImportContext> = {}): ImportContext => ({ fileName, ...extra });

function attribute(log: EventLog, name: string, event: number): string | number | null {
  const column = log.eventAttributes.find((c) => c.name === name);
  if (!column) return null;
  if (column.type === 'string') return column.codes[event] < 0 ? null : column.dictionary[column.codes[event]];
  return Number.isNaN(column.values[event]) ? null : column.values[event];
}

function caseAttribute(log: EventLog, name: string, caseIndex: number): string | number | null {
  const column = log.caseAttributes.find((c) => c.name === name);
  if (!column) return null;
  if (column.type === 'string') return column.codes[caseIndex] < 0 ? null : column.dictionary[column.codes[caseIndex]];
  return Number.isNaN(column.values[caseIndex]) ? null : column.values[caseIndex];
}

/** Per case id: [activity, timestamp ms, resource] in log order. */
function casesOf(log: EventLog): Map<string, [string, number, string | null][]> {
  const out = new Map<string, [string, number, string | null][]>();
  for (let c = 0; c < log.caseCount; c++) {
    const events: [string, number, string | null][] = [];
    for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++) {
      events.push([
        log.activities[log.activity[i]],
        log.timestamp[i],
        log.resource[i] < 0 ? null : log.resources[log.resource[i]],
      ]);
    }
    out.set(log.caseIds[c], events);
  }
  return out;
}

describe('parseXesLog on the shared example logs', () => {
  it('running-example.xes gives the same cases, activities, resources and times as running-example.csv', async () => {
    const parsed = await parseXesLog(join(DATA, 'running-example.xes'), ctx('running-example.xes'));
    const { log } = parsed;
    expect(log.caseCount).toBe(6);
    expect(log.eventCount).toBe(42);
    expect(log.activities.length).toBe(8);
    expect(parsed.rowsRead).toBe(42);
    expect(parsed.rejectedCount).toBe(0);
    expect(parsed.mapping).toBeNull();

    // An independent reading of the CSV: no quotes in this file, so a split on commas is exact.
    const [header, ...rows] = readFileSync(join(DATA, 'running-example.csv'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .map((l) => l.split(','));
    const col = (name: string) => header.indexOf(name);
    const expected = new Map<string, [string, number, string | null][]>();
    for (const row of rows) {
      const id = row[col('case:concept:name')];
      const list = expected.get(id) ?? [];
      list.push([
        row[col('concept:name')],
        Date.parse(row[col('time:timestamp')].replace(' ', 'T')),
        row[col('org:resource')],
      ]);
      expected.set(id, list);
    }
    for (const list of expected.values()) list.sort((a, b) => a[1] - b[1]);
    expect(rows.length).toBe(42);
    expect(casesOf(log)).toEqual(expected);

    // One by hand: case 3 opens with "register request" by Pete at 2010-12-30 14:32 +01:00.
    const c3 = log.caseIds.indexOf('3');
    const first = log.caseStart[c3];
    expect(log.activities[log.activity[first]]).toBe('register request');
    expect(log.timestamp[first]).toBe(Date.UTC(2010, 11, 30, 13, 32));
    expect(attribute(log, 'Costs', first)).toBe('50');
    expect(caseAttribute(log, 'creator', c3)).toBe('Fluxicon Nitro');
    // sourceRow is the line of the event's <event> tag: case 3 is the first trace, its first
    // <event> is on line 26 (grep -n '<event>' running-example.xes).
    expect(log.sourceRow[first]).toBe(26);
  });

  it('receipt.xes: 1434 cases, 8577 events, lifecycle:transition kept, per-case counts as in the file', async () => {
    const path = join(DATA, 'receipt.xes');
    const progress: [number, number][] = [];
    const { log, rejectedCount } = await parseXesLog(
      path,
      ctx('receipt.xes', { onProgress: (done, total) => progress.push([done, total]) }),
    );
    expect(log.caseCount).toBe(1434);
    expect(log.eventCount).toBe(8577);
    expect(rejectedCount).toBe(0);
    const lifecycle = log.eventAttributes.find((c) => c.name === 'lifecycle:transition');
    expect(lifecycle?.type).toBe('string');
    let complete = 0;
    for (let i = 0; i < log.eventCount; i++) if (attribute(log, 'lifecycle:transition', i) === 'complete') complete++;
    expect(complete).toBe(8577);

    // Independent count: split the text into traces and count <event> tags and the case id.
    const text = readFileSync(path, 'utf8');
    const expectedCounts = new Map<string, number>();
    for (const trace of text.split('<trace>').slice(1)) {
      const body = trace.slice(0, trace.indexOf('</trace>'));
      const beforeEvents = body.split('<event>')[0];
      const id = /<string key="concept:name" value="([^"]*)"\/>/.exec(beforeEvents)![1];
      expectedCounts.set(id, (body.match(/<event>/g) ?? []).length);
    }
    const counts = new Map<string, number>();
    for (let c = 0; c < log.caseCount; c++) counts.set(log.caseIds[c], log.caseStart[c + 1] - log.caseStart[c]);
    expect(counts).toEqual(expectedCounts);

    // Trace attributes become case attributes; case-10011's channel is Internet (file line 1806).
    expect(caseAttribute(log, 'channel', log.caseIds.indexOf('case-10011'))).toBe('Internet');

    // Progress every ~1 MB of a 4 MB file, ending at the file size.
    const size = readFileSync(path).length;
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.at(-1)).toEqual([size, size]);
  });

  it('10_orders.xes: 17 cases, 154 events, text timestamps read as YYYY/MM/DD', async () => {
    const { log, rejectedCount, notes } = await parseXesLog(join(DATA, '10_orders.xes'), ctx('10_orders.xes'), {
      timezone: 'UTC',
    });
    expect(log.caseCount).toBe(17);
    expect(log.eventCount).toBe(154);
    expect(rejectedCount).toBe(0);
    // First trace: <int key="concept:name" value="3"/>, first event create_order at 2019/11/03 01:11:19.000.
    const c = log.caseIds.indexOf('3');
    expect(c).toBeGreaterThanOrEqual(0);
    expect(log.activities[log.activity[log.caseStart[c]]]).toBe('create_order');
    expect(log.timestamp[log.caseStart[c]]).toBe(Date.UTC(2019, 10, 3, 1, 11, 19));
    expect(notes.join(' ')).toMatch(/YYYY\/MM\/DD/);
    expect(notes.join(' ')).toMatch(/UTC/);
  });

  it('a gzip of running-example.xes imports identically', async () => {
    const plain = await parseXesLog(join(DATA, 'running-example.xes'), ctx());
    const packed = await parseXesLog(
      writeTemp(gzipSync(readFileSync(join(DATA, 'running-example.xes'))), '.xes.gz'),
      ctx(),
    );
    expect(packed.log).toEqual(plain.log);
    expect(packed.rowsRead).toBe(42);
  });
});

describe('parseXesLog on hand-written XES', () => {
  it('maps typed attributes, flattens containers, skips lists and meta-attributes, stores <script> as text', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0">
  <global scope="event"><string key="concept:name" value="UNKNOWN"/></global>
  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
  <classifier name="Activity" keys="concept:name"/>
  <string key="log-level" value="ignored"/>
  <trace>
    <string key="concept:name" value="c1"/>
    <int key="priority" value="3"/>
    <event>
      <string key="concept:name" value="&lt;script&gt;alert(1)&lt;/script&gt;"/>
      <date key="time:timestamp" value="2020-01-01T00:00:00.250+02:00"/>
      <string key="org:resource" value="=HYPERLINK(&quot;http://x&quot;)"/>
      <string key="lifecycle:transition" value="complete"/>
      <float key="cost" value="12.5"/>
      <boolean key="urgent" value="true"/>
      <id key="ref" value="abc-1"/>
      <container key="address"><string key="city" value="Delft"/><container key="geo"><float key="lat" value="52"/></container></container>
      <list key="tags"><values><string key="tag" value="a"/></values></list>
      <string key="note" value="x"><string key="meta" value="ignored"/></string>
    </event>
  </trace>
  <trace>
    <event><string key="concept:name" value="b"/><date key="time:timestamp" value="2020-01-01T00:00:00Z"/></event>
  </trace>
  <trace></trace>
</log>`;
    const { log, notes } = await parseXesLog(writeTemp(xml), ctx());
    expect(log.caseIds).toEqual(['c1', 'trace-2']);
    expect(log.eventCount).toBe(2);
    expect(caseAttribute(log, 'priority', 0)).toBe(3);
    expect(log.activities[log.activity[0]]).toBe('<script>alert(1)</script>');
    expect(log.timestamp[0]).toBe(Date.UTC(2019, 11, 31, 22, 0, 0, 250));
    expect(log.resources[log.resource[0]]).toBe('=HYPERLINK("http://x")');
    expect(attribute(log, 'lifecycle:transition', 0)).toBe('complete');
    expect(attribute(log, 'cost', 0)).toBe(12.5);
    expect(log.eventAttributes.find((c) => c.name === 'urgent')?.type).toBe('boolean');
    expect(attribute(log, 'urgent', 0)).toBe(1);
    expect(attribute(log, 'ref', 0)).toBe('abc-1');
    expect(attribute(log, 'address/city', 0)).toBe('Delft');
    expect(attribute(log, 'address/geo/lat', 0)).toBe(52);
    expect(attribute(log, 'note', 0)).toBe('x');
    const names = log.eventAttributes.map((c) => c.name);
    for (const absent of ['tags', 'tag', 'meta', 'concept:name', 'time:timestamp', 'org:resource', 'log-level'])
      expect(names).not.toContain(absent);
    expect(log.caseAttributes.map((c) => c.name)).toEqual(['priority']);
    expect(log.resource[1]).toBe(-1);
    const text = notes.join(' ');
    expect(text).toMatch(/tags/);
    expect(text).toMatch(/1 traces contain no events/);
  });

  it('puts each event attribute in its own column whatever order or set the events give them in', async () => {
    const ev = (name: string, extra: string) =>
      `<event><string key="concept:name" value="${name}"/><date key="time:timestamp" value="2020-01-0${name.length}T00:00:00Z"/>${extra}</event>`;
    const xml = `<log><trace><string key="concept:name" value="c"/>
${ev('a', '<string key="x" value="x1"/><int key="n" value="1"/>')}
${ev('bb', '<int key="n" value="2"/><string key="x" value="x2"/>')}
${ev('ccc', '<string key="y" value="y3"/>')}
${ev('dddd', '<string key="y" value="y4"/><string key="x" value="x4"/><int key="n" value="4"/>')}
</trace></log>`;
    const { log } = await parseXesLog(writeTemp(xml), ctx());
    // Events are in time order a, bb, ccc, dddd (days 1 to 4).
    expect([0, 1, 2, 3].map((i) => attribute(log, 'x', i))).toEqual(['x1', 'x2', null, 'x4']);
    expect([0, 1, 2, 3].map((i) => attribute(log, 'n', i))).toEqual([1, 2, null, 4]);
    expect([0, 1, 2, 3].map((i) => attribute(log, 'y', i))).toEqual([null, null, 'y3', 'y4']);
  });

  it('sets aside events without activity or with no or bad timestamp, with their line and reason', async () => {
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>', // 1
      '<log xes.version="1.0">', // 2
      '  <trace>', // 3
      '    <string key="concept:name" value="A"/>', // 4
      '    <event>', // 5
      '      <string key="concept:name" value="ok"/>', // 6
      '      <date key="time:timestamp" value="2020-01-01T00:00:00Z"/>', // 7
      '    </event>', // 8
      '    <event>', // 9
      '      <date key="time:timestamp" value="2020-01-01T01:00:00Z"/>', // 10
      '    </event>', // 11
      '    <event>', // 12
      '      <string key="concept:name" value="no time"/>', // 13
      '    </event>', // 14
      '    <event>', // 15
      '      <string key="concept:name" value="bad time"/>', // 16
      '      <date key="time:timestamp" value="2020-13-45T00:00:00Z"/>', // 17
      '    </event>', // 18
      '    <event>', // 19
      '      <string key="concept:name" value="last"/>', // 20
      '      <date key="time:timestamp" value="2020-01-02T00:00:00Z"/>', // 21
      '    </event>', // 22
      '  </trace>', // 23
      '  <event><string key="concept:name" value="orphan"/><date key="time:timestamp" value="2020-01-02T00:00:00Z"/></event>', // 24
      '</log>', // 25
    ].join('\n');
    const parsed = await parseXesLog(writeTemp(xml), ctx());
    expect(parsed.rowsRead).toBe(6);
    expect(parsed.log.eventCount).toBe(2);
    expect(Array.from(parsed.log.sourceRow)).toEqual([5, 19]); // lines of the two good <event> tags
    expect(parsed.rejectedCount).toBe(4);
    expect(parsed.rejected.map((r) => r.line)).toEqual([9, 12, 15, 24]);
    expect(parsed.rejected[0].reason).toMatch(/no concept:name/);
    expect(parsed.rejected[1].reason).toMatch(/no time:timestamp/);
    expect(parsed.rejected[2].reason).toMatch(/2020-13-45.*not a valid XES date/);
    expect(parsed.rejected[3].reason).toMatch(/outside any <trace>/);
  });

  it('infers the format of text timestamps and rejects the ones that do not fit, in file order', async () => {
    const event = (name: string, ts: string, type = 'string') =>
      `<event><string key="concept:name" value="${name}"/><${type} key="time:timestamp" value="${ts}"/></event>`;
    const xml = `<log>
<trace><string key="concept:name" value="A"/>
${event('a1', '03.11.2019 01:11')}
${event('a2', 'yesterday')}
${event('a3', '2019-11-04T00:00:00Z', 'date')}
</trace>
<trace><string key="concept:name" value="B"/>
${event('b1', '25.12.2019 23:59')}
${event('b2', '2019/12/26 10:00')}
</trace>
</log>`;
    const parsed = await parseXesLog(writeTemp(xml), ctx(), { timezone: 'UTC' });
    const cases = casesOf(parsed.log);
    expect(cases.get('A')).toEqual([
      ['a1', Date.UTC(2019, 10, 3, 1, 11), null],
      ['a3', Date.UTC(2019, 10, 4), null],
    ]);
    expect(cases.get('B')).toEqual([['b1', Date.UTC(2019, 11, 25, 23, 59), null]]);
    expect(parsed.rejected.map((r) => r.line)).toEqual([4, 9]);
    expect(parsed.rejected[0].reason).toMatch(/"yesterday" does not match.*DD\.MM\.YYYY/);
    expect(parsed.rejected[1].reason).toMatch(/2019\/12\/26 10:00/);
  });

  it('reads Latin-1 when the XML declaration says so, UTF-16 with a BOM, and CRLF line ends', async () => {
    const body = (decl: string) =>
      `${decl}\r\n<log>\r\n<trace><string key="concept:name" value="A"/>\r\n<event><string key="concept:name" value="café"/><date key="time:timestamp" value="2020-01-01T00:00:00Z"/></event>\r\n</trace></log>`;
    const latin = await parseXesLog(
      writeTemp(Buffer.from(body('<?xml version="1.0" encoding="ISO-8859-1"?>'), 'latin1')),
      ctx(),
    );
    expect(latin.log.activities).toEqual(['café']);
    const utf16 = await parseXesLog(
      writeTemp(
        Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from(body('<?xml version="1.0" encoding="UTF-16"?>'), 'utf16le'),
        ]),
      ),
      ctx(),
    );
    expect(utf16.log.activities).toEqual(['café']);
  });

  it('places <date> values without offset in the chosen time zone', async () => {
    const xml = `<log><trace><string key="concept:name" value="A"/>
<event><string key="concept:name" value="a"/><date key="time:timestamp" value="2021-07-01T12:00:00"/></event>
</trace></log>`;
    const parsed = await parseXesLog(writeTemp(xml), ctx(), { timezone: 'Europe/Amsterdam' });
    // Amsterdam is UTC+2 in July (summer time).
    expect(parsed.log.timestamp[0]).toBe(Date.UTC(2021, 6, 1, 10, 0));
    expect(parsed.notes.join(' ')).toMatch(/1 date values carry no time-zone offset.*Europe\/Amsterdam/);
  });
});

describe('parseXesLog refuses bad input with a clear error', () => {
  it('refuses a DOCTYPE with an external entity (XXE) and never expands it', async () => {
    const xml = `<?xml version="1.0"?>
<!DOCTYPE log [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<log><trace><string key="concept:name" value="&xxe;"/></trace></log>`;
    const error = await inputErrorOf(parseXesLog(writeTemp(xml), ctx('xxe.xes')));
    expect(error.message).toMatch(/XES file declares a DOCTYPE.*refused; Gemba never expands entities/);
    expect(error.details.file).toBe('xxe.xes');
    expect(error.details.line).toBe(2);
    expect(error.message).not.toContain('root:');
  });

  it('refuses billion laughs quickly with bounded memory', async () => {
    const lines = ['<?xml version="1.0"?>', '<!DOCTYPE lolz [', ' <!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) lines.push(` <!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    lines.push(']>', '<log><trace><string key="concept:name" value="&lol9;"/></trace></log>');
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const error = await inputErrorOf(parseXesLog(writeTemp(lines.join('\n')), ctx()));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
    expect(error.message).toMatch(/DOCTYPE/);
  });

  it('refuses a DOCTYPE split across read chunks and a huge internal subset without buffering it', async () => {
    // The read chunk is 256 KiB; place "<!DOCTYPE" across that boundary after a long comment.
    const head = '<?xml version="1.0"?>\n<!--';
    const boundary = 256 * 1024;
    const padding = ' '.repeat(boundary - head.length - '-->\n<!DOC'.length);
    // Newlines in the subset: were it buffered and parsed, the error would point far below line 3.
    const subset = '<!ENTITY a "' + 'x\n'.repeat(10 * 1024 * 1024) + '">';
    const xml = `${head}${padding}-->\n<!DOCTYPE log [${subset}]>\n<log/>`;
    const started = performance.now();
    const error = await inputErrorOf(parseXesLog(writeTemp(xml), ctx()));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(error.message).toMatch(/DOCTYPE/);
    expect(error.details.line).toBe(3);
  });

  it('reports an undefined entity without a DOCTYPE, including names on Object.prototype', async () => {
    for (const name of ['nbsp', 'constructor']) {
      const xml = `<log>\n<trace><string key="concept:name" value="&${name};"/></trace></log>`;
      const error = await inputErrorOf(parseXesLog(writeTemp(xml), ctx()));
      expect(error.message).toMatch(/entity.*never expands entities/);
      expect(error.details.line).toBe(2);
    }
  });

  it('reports a truncated file with the line where it ends', async () => {
    const lines = readFileSync(join(DATA, 'running-example.xes'), 'utf8').split('\n');
    // Line 50 is the <event> tag of the fourth event of the first trace.
    expect(lines[49].trim()).toBe('<event>');
    const error = await inputErrorOf(parseXesLog(writeTemp(lines.slice(0, 50).join('\n')), ctx('cut.xes')));
    expect(error.message).toMatch(/file ends before <\/log> — it looks truncated/);
    expect(error.message).toMatch(/inside an <event> of trace 1/);
    expect(error.details.line).toBe(50);
  });

  it('reports a truncated gzip file', async () => {
    const packed = gzipSync(readFileSync(join(DATA, 'receipt.xes')));
    const error = await inputErrorOf(parseXesLog(writeTemp(packed.subarray(0, packed.length >> 1), '.xes.gz'), ctx()));
    expect(error.message).toMatch(/gzip file ends too early.*truncated/);
  });

  it('says a CSV or binary file is not XML, at line 1', async () => {
    const csv = await inputErrorOf(parseXesLog(join(DATA, 'running-example.csv'), ctx('renamed.xes')));
    expect(csv.message).toMatch(/not XML/);
    expect(csv.details.line).toBe(1);
    const binary = await inputErrorOf(
      parseXesLog(writeTemp(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), ctx()),
    );
    expect(binary.message).toMatch(/not XML/);
    expect(binary.details.line).toBe(1);
    const broken = await inputErrorOf(parseXesLog(writeTemp('<<<>>> not xml'), ctx()));
    expect(broken.message).toMatch(/not XML/);
  });

  it('says XML whose root is not <log> is not XES', async () => {
    const error = await inputErrorOf(parseXesLog(writeTemp('<?xml version="1.0"?>\n<html><body/></html>'), ctx()));
    expect(error.message).toMatch(/not an XES event log.*<html>/);
    expect(error.details.line).toBe(2);
  });

  it('stops at an endless comment instead of buffering it', async () => {
    const xml = `<log>\n<!--${' '.repeat(3 * 1024 * 1024)}-->\n</log>`;
    const error = await inputErrorOf(parseXesLog(writeTemp(xml), ctx(), { maxPendingTextChars: 1024 * 1024 }));
    expect(error.message).toMatch(/longer than 1,048,576 characters/);
    expect(error.details.line).toBe(2);
  });

  it('says an empty file is empty', async () => {
    const error = await inputErrorOf(parseXesLog(writeTemp(''), ctx()));
    expect(error.message).toMatch(/empty/);
  });

  it('stops a gzip bomb at the ceiling, quickly and with bounded memory', async () => {
    // 200 MiB of spaces inside an XML comment, as a multi-member gzip of 1 MiB members.
    const spaces = gzipSync(Buffer.alloc(1024 * 1024, 0x20), { level: 9 });
    const path = join(dir, 'bomb.xes.gz');
    const out = createWriteStream(path);
    out.write(gzipSync(Buffer.from('<?xml version="1.0"?>\n<log><!--')));
    for (let i = 0; i < 200; i++) out.write(spaces);
    out.write(gzipSync(Buffer.from('--></log>')));
    await new Promise((resolve) => out.end(resolve));

    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const error = await inputErrorOf(parseXesLog(path, ctx('bomb.xes.gz', { maxDecompressedBytes: 10 * 1024 * 1024 })));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(128 * 1024 * 1024);
    expect(error.message).toMatch(/more than 10 MiB.*ceiling/);
    expect(error.details.hint).toMatch(/raise the ceiling/);
    expect(error.details.file).toBe('bomb.xes.gz');
  });

  it('stops when cancelled, before or during the parse', async () => {
    const aborted = new AbortController();
    aborted.abort();
    await expect(
      parseXesLog(join(DATA, 'running-example.xes'), ctx('x', { signal: aborted.signal })),
    ).rejects.toBeInstanceOf(CancelledError);

    const midway = new AbortController();
    const parse = parseXesLog(
      join(DATA, 'receipt.xes'),
      ctx('receipt.xes', { signal: midway.signal, onProgress: () => midway.abort() }),
    );
    await expect(parse).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('parseXesLog on a file with a new attribute key per event', () => {
  it('keeps the first MAX_ATTRIBUTE_COLUMNS keys, drops the rest with a note, in bounded memory', async () => {
    // 3000 events, each with its own key: without the cap this needs 3000 columns × 3000 events.
    const events = Array.from(
      { length: 3000 },
      (_, i) =>
        `<event><string key="concept:name" value="A"/><date key="time:timestamp" value="2020-01-01T00:00:00Z"/><string key="k${i}" value="v"/></event>`,
    );
    const xml = `<?xml version="1.0"?>\n<log><trace><string key="concept:name" value="c"/>\n${events.join('\n')}\n</trace></log>\n`;
    const parsed = await parseXesLog(writeTemp(xml), ctx());
    expect(parsed.log.eventCount).toBe(3000);
    expect(parsed.log.eventAttributes).toHaveLength(MAX_ATTRIBUTE_COLUMNS);
    expect(parsed.notes.join(' ')).toMatch(
      new RegExp(`${3000 - MAX_ATTRIBUTE_COLUMNS} more were left out \\("k${MAX_ATTRIBUTE_COLUMNS}"`),
    );
  });
});
