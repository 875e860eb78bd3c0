import { afterAll, describe, expect, it } from 'vitest';
import type { EventLog } from '../../eventlog/event-log.ts';
import { parseCsvLog } from './parse-csv-log.ts';
import { testFolder } from './files.fixture.ts';

// Case ids are recognised by their bytes (the interner), and an id new in bytes is added
// without a dictionary look-up when that cannot make a duplicate. These files hold the ids for
// which it could.

const files = testFolder('case-ids');
afterAll(() => files.cleanup());

/** Each case id with its activities in file order (the events are one minute apart per row). */
function cases(log: EventLog): Record<string, string> {
  const out: Record<string, string> = {};
  for (let c = 0; c < log.caseCount; c++) {
    let activities = '';
    for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++) activities += log.activities[log.activity[i]];
    out[log.caseIds[c]] = activities;
  }
  return out;
}

function minute(k: number): string {
  return `2021-01-01T${String(10 + Math.floor(k / 60)).padStart(2, '0')}:${String(k % 60).padStart(2, '0')}:00Z`;
}

async function parse(name: string, rows: [string, string][] | Buffer) {
  const bytes = Buffer.isBuffer(rows)
    ? rows
    : Buffer.from(['case,activity,time', ...rows.map(([c, a], k) => `${c},${a},${minute(k)}`)].join('\n'), 'utf8');
  return parseCsvLog(files.write(name, bytes), {}, { fileName: name });
}

describe('case ids read by their bytes', () => {
  it('rows that interleave cases: each id one case, cases in order of first appearance', async () => {
    const { log } = await parse('interleaved.csv', [
      ['A', 'a'],
      ['A', 'b'],
      ['B', 'a'],
      ['A', 'c'],
      ['C', 'a'],
      ['B', 'b'],
      ['B', 'c'],
      ['AB', 'a'],
    ]);
    expect(log.caseIds).toEqual(['A', 'B', 'C', 'AB']);
    expect(cases(log)).toEqual({ A: 'abc', B: 'abc', C: 'a', AB: 'a' });
  });

  it('a quoted id and the same id unquoted are one case, whichever comes first', async () => {
    const { log } = await parse('quoted.csv', [
      ['"C1"', 'a'],
      ['C1', 'b'],
      ['C2', 'a'],
      ['"C2"', 'b'],
      ['"C1"', 'c'],
    ]);
    expect(cases(log)).toEqual({ C1: 'abc', C2: 'ab' });
  });

  it('an id with doubled quotes and the same text written plainly are one case, in both orders', async () => {
    // `"C""1"` is the text C"1; so is `C"1` (a quote inside an unquoted field is a character).
    // The first arrives as text, not bytes: the plain one must still find it, and vice versa.
    const { log } = await parse('escaped.csv', [
      ['"C""1"', 'a'],
      ['C"1', 'b'],
      ['D"2', 'a'],
      ['"D""2"', 'b'],
      ['E', 'a'],
      ['C"1', 'c'],
    ]);
    expect(log.caseIds).toEqual(['C"1', 'D"2', 'E']);
    expect(cases(log)).toEqual({ 'C"1': 'abc', 'D"2': 'ab', E: 'a' });
  });

  it('ids too long to intern are found again, and ids after them still get their own case', async () => {
    const long = 'L'.repeat(300);
    const { log } = await parse('long.csv', [
      ['S', 'a'],
      [long, 'a'],
      ['S', 'b'],
      [long, 'b'],
      ['T', 'a'],
      ['S', 'c'],
    ]);
    expect(log.caseIds).toEqual(['S', long, 'T']);
    expect(cases(log)).toEqual({ S: 'abc', [long]: 'ab', T: 'a' });
  });

  it('different bytes that are not UTF-8 read as the same text (U+FFFD) are one case', async () => {
    // Past the first megabyte, so that the file is still read as UTF-8.
    const lines = ['case,activity,time'];
    for (let k = 0; lines.length < 40_000; k++) lines.push(`P${k},a,${minute(k % 600)}`);
    const head = Buffer.from(lines.join('\n') + '\n', 'utf8');
    expect(head.length).toBeGreaterThan(1 << 20);
    const tail = Buffer.concat([
      Buffer.from('C'), Buffer.from([0xff]), Buffer.from(`,a,${minute(701)}\n`),
      Buffer.from('C'), Buffer.from([0xfe]), Buffer.from(`,b,${minute(702)}\n`),
      Buffer.from('C\u{fffd}', 'utf8'), Buffer.from(`,c,${minute(703)}\n`),
      Buffer.from(`P7,b,${minute(704)}\n`),
      Buffer.from('C'), Buffer.from([0xff]), Buffer.from(`,d,${minute(705)}\n`),
      Buffer.from(`Q,a,${minute(706)}\n`),
    ]); // prettier-ignore
    const parsed = await parse('bad-utf8.csv', Buffer.concat([head, tail]));
    const { log } = parsed;
    expect(log.caseCount).toBe(39_999 + 2);
    expect(log.caseIds.slice(-2)).toEqual(['C\u{fffd}', 'Q']);
    const all = cases(log);
    expect(all['C\u{fffd}']).toBe('abcd');
    expect(all.P7).toBe('ab');
    expect(all.Q).toBe('a');
    expect(parsed.notes.some((n) => n.includes('not valid UTF-8'))).toBe(true);
  });
});
