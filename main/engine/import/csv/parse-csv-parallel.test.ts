import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateLog } from '../../../../bench/generate.ts';
import type { ImportContext, ParsedLog } from '../parsed-log.ts';
import type { CsvPieceInput } from './csv-piece-types.ts';
import { testFolder } from './files.fixture.ts';
import { parseCsvLog } from './parse-csv-log.ts';
import { defaultPieceCount, expectedRows, MAX_RESERVED_ROWS, pieceStarts } from './parse-csv-parallel.ts';
import { parseCsvPiece } from './parse-csv-piece.ts';

// The parallel parse must give exactly what the one-pass parse gives (issue 11): the second
// method here is the one-pass parser itself, run on the same file.
const folder = testFolder('parcsv');
afterAll(() => folder.cleanup());
const SHARED = join(import.meta.dirname, '../../../../../shared/data');

/** A piece the runner parsed, and whether it ended where the next one starts. */
type Ran = CsvPieceInput & { aligned: boolean };

/** Parses in one pass and in `pieces` pieces (in-process runner); returns both and the pieces run. */
async function both(
  path: string,
  pieces: number,
  mapping = {},
): Promise<{ single: ParsedLog | Error; parallel: ParsedLog | Error; ran: Ran[] }> {
  const ran: Ran[] = [];
  const base: ImportContext = { fileName: 'log.csv', parallelThresholdBytes: 0, parallelPieces: pieces };
  const settle = (p: Promise<ParsedLog>) => p.catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  const single = await settle(parseCsvLog(path, mapping, { fileName: 'log.csv' }));
  const parallel = await settle(
    parseCsvLog(path, mapping, {
      ...base,
      runCsvPiece: async (pending) => {
        const input = await pending;
        // Through structured clone, as across a thread.
        const result = structuredClone(await parseCsvPiece(input));
        ran.push({ ...input, aligned: result.aligned });
        return result;
      },
    }),
  );
  return { single, parallel, ran };
}

async function expectSame(path: string, pieces: number, mapping = {}): Promise<Ran[]> {
  const { single, parallel, ran } = await both(path, pieces, mapping);
  if (single instanceof Error) {
    expect(parallel).toBeInstanceOf(Error);
    expect((parallel as Error).message).toBe(single.message);
    expect(parallel).toEqual(single);
  } else {
    expect(parallel).toEqual(single);
  }
  return ran;
}

describe('parallel CSV import gives the one-pass result', () => {
  it('on the shared running example, cut into 2 to 7 pieces', async () => {
    const path = join(SHARED, 'running-example.csv');
    for (let pieces = 2; pieces <= 7; pieces++) {
      const ran = await expectSame(path, pieces);
      // The calling thread parses the first piece; threads the others.
      expect(ran.length).toBe(pieces - 1);
    }
  });

  it('on every shared CSV file', async () => {
    const files = readdirSync(SHARED).filter((f) => f.endsWith('.csv'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) await expectSame(join(SHARED, f), 3);
  });

  it('on generated logs, clean and dirty (rejected rows keep their lines)', async () => {
    for (const dirty of [false, true]) {
      const out = folder.path(`gen-${dirty}.csv`);
      await generateLog({ events: 6000, seed: 3, format: 'csv', out, dirty, startTimestamps: dirty });
      for (const pieces of [2, 5]) {
        const ran = await expectSame(out, pieces);
        expect(ran.length).toBe(pieces - 1);
        // No quoted line breaks in these files: every split lines up, so the merge is what is tested.
        expect(ran.every((r) => r.aligned)).toBe(true);
      }
      const { single } = await both(out, 2);
      if (dirty) expect((single as ParsedLog).rejectedCount).toBeGreaterThan(0);
    }
  }, 60_000);

  it('merges dictionaries in order of first appearance and takes case attributes from the first event', async () => {
    const rows = ['case:id,activity,time,res,case:region,size'];
    // Case c1 appears in both halves with different region values: the first one counts.
    for (let i = 0; i < 40; i++)
      rows.push(
        `c${i < 20 ? i % 7 : i % 8},A${(i * 3) % 5},2024-01-01 10:${String(i).padStart(2, '0')}:00,${i < 20 ? 'r' + (i % 3) : 'z' + (i % 2)},${i < 20 ? 'north' : 'south'},${i === 33 ? 'big' : i}`,
      );
    const path = folder.write('dict.csv', rows.join('\n') + '\n');
    const { single, parallel, ran } = await both(path, 2, {
      case: 'case:id',
      activity: 'activity',
      timestamp: 'time',
      resource: 'res',
    });
    expect(ran.map((r) => r.aligned)).toEqual([true]);
    expect(parallel).toEqual(single);
    const log = (parallel as ParsedLog).log;
    expect(log.activities).toEqual(['A0', 'A3', 'A1', 'A4', 'A2']);
    expect(log.resources).toEqual(['r0', 'r1', 'r2', 'z0', 'z1']);
    // "size" is numbers until row 34: the column becomes text in both parses.
    expect(log.eventAttributes.find((c) => c.name === 'size')?.type).toBe('string');
    // c7 first appears in the second half (south); c0..c6 keep their first value (north).
    const region = log.caseAttributes.find((c) => c.name === 'region')!;
    const regionOf = (id: string) =>
      region.type === 'string' ? region.dictionary[region.codes[log.caseIds.indexOf(id)]] : null;
    expect(['c0', 'c1', 'c6', 'c7'].map(regionOf)).toEqual(['north', 'north', 'north', 'south']);
  });

  it('quoted newlines at every piece edge: falls back or aligns, same result', async () => {
    const rows = ['case,activity,time,note'];
    for (let i = 0; i < 60; i++)
      rows.push(`k${i % 4},act${i % 3},2024-02-0${1 + (i % 9)}T08:00:00Z,"line one\n${i},x\nline three"`);
    const path = folder.write('quoted.csv', rows.join('\n'));
    const ran: Ran[] = [];
    for (let pieces = 2; pieces <= 12; pieces++) ran.push(...(await expectSame(path, pieces)));
    // Some cuts fall inside a quoted field: the check at the merge must have caught them.
    expect(ran.some((r) => !r.aligned)).toBe(true);
  });

  it('a quote never closed: the same error as the one-pass parse', async () => {
    const rows = ['case,activity,time,note'];
    for (let i = 0; i < 50; i++) rows.push(`k${i},a,2024-02-01T08:00:00Z,n${i}`);
    rows.push('k9,a,2024-02-01T08:00:00Z,"open');
    const path = folder.write('open.csv', rows.join('\n'));
    const { single, parallel } = await both(path, 3);
    expect(single).toBeInstanceOf(Error);
    expect(parallel).toEqual(single);
  });

  it('a file whose columns cannot be planned: the one-pass error, the waiting pieces stopped', async () => {
    const rows = ['alpha,beta'];
    for (let i = 0; i < 200; i++) rows.push(`x${i},y${i % 3}`);
    const path = folder.write('no-plan.csv', rows.join('\n'));
    const { single, parallel, ran } = await both(path, 3);
    expect(single).toBeInstanceOf(Error);
    expect(parallel).toEqual(single);
    // The pieces were started before the head analysis; none ran, since their input never came.
    expect(ran).toEqual([]);
  });

  it('BOM, CRLF, latin1, blank lines and short rows', async () => {
    const lines = ['case;activity;time;city'];
    for (let i = 0; i < 80; i++)
      lines.push(
        i % 11 === 0
          ? ''
          : i % 13 === 0
            ? 'short;row'
            : `c${i % 5};Prüfung ${i % 4};03.01.2024 ${String(i % 24).padStart(2, '0')}:00;Köln`,
      );
    const crlf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
    const latin1 = Buffer.from(lines.join('\n'), 'latin1');
    for (const [name, bytes] of [
      ['bom-crlf.csv', crlf],
      ['latin1.csv', latin1],
    ] as const) {
      const path = folder.write(name, bytes);
      for (let pieces = 2; pieces <= 6; pieces++) await expectSame(path, pieces);
    }
  });

  it('a 30 MB field (over the field limit) in the middle: rejected on the same line', async () => {
    const head = ['case,activity,time,note'];
    for (let i = 0; i < 30; i++) head.push(`c${i % 3},a${i % 2},2024-03-01T0${i % 10}:00:00Z,n`);
    const big = Buffer.alloc(30 << 20, 0x78);
    const tail = ['', 'c1,b,2024-03-02T00:00:00Z,after'];
    const bytes = Buffer.concat([
      Buffer.from(head.join('\n') + '\nc2,a,2024-03-01T00:00:00Z,"'),
      big,
      Buffer.from('"' + tail.join('\n') + '\n'),
    ]);
    const path = folder.write('big.csv', bytes);
    const { single, parallel } = await both(path, 4);
    expect((single as ParsedLog).rejected[0].line).toBe(32);
    expect(parallel).toEqual(single);
  }, 60_000);
});

describe('expectedRows', () => {
  it("sizes the columns a little over the head's lines per byte, and never past the cap", () => {
    // 76 MB at 1 line per 76 bytes: 1M lines, 5% over plus 1,024 = 1,051,024 by hand.
    expect(expectedRows(76_000_000, 1 / 76)).toBe(1_051_024);
    // A head of blank lines (1 line a byte) in a 760 MB file would ask for 798M rows.
    expect(expectedRows(760_000_000, 1)).toBe(MAX_RESERVED_ROWS);
  });
});

describe('pieceStarts', () => {
  it('starts each piece after the first line break at or past its share', async () => {
    // Lines of 10 bytes: "row-00000\n"; shares of a 100-byte file in 4 start at 25, 50, 75.
    const text = Array.from({ length: 10 }, (_, i) => `row-${String(i).padStart(5, '0')}\n`).join('');
    const path = folder.write('starts.csv', text);
    // Share 2 starts at byte 50, itself a line start (byte 49 is a break): it keeps it.
    expect(await pieceStarts(path, 100, 4, 0)).toEqual([0, 30, 50, 80]);
    expect(readFileSync(path).length).toBe(100);
  });

  it('merges shares that hold no line break', async () => {
    const path = folder.write('one-line.csv', 'a'.repeat(99) + '\n');
    expect(await pieceStarts(path, 100, 4, 0)).toEqual([0]);
  });
});

describe('defaultPieceCount', () => {
  it('one piece per core up to 8 (the calling thread parses one of them); one pass on one core', () => {
    expect([1, 2, 3, 4, 7, 8, 16].map((c) => defaultPieceCount(c, ''))).toEqual([1, 2, 3, 4, 7, 8, 8]);
  });

  it('GEMBA_IMPORT_THREADS sets the count (capped at 8); nonsense is ignored', () => {
    expect(['1', '3', '64', '0', 'many'].map((s) => defaultPieceCount(2, s))).toEqual([1, 3, 8, 2, 2]);
  });
});
