import { closeSync, openSync, writeSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { CancelledError } from '../../errors.ts';
import type { EventLog } from '../../eventlog/event-log.ts';
import type { ImportContext } from '../parsed-log.ts';
import { parseCsvLog } from './parse-csv-log.ts';
import { testFolder } from './files.fixture.ts';
import { inputErrorOf } from '../input-error-of.fixture.ts';

const RUNNING_EXAMPLE = new URL('../../../../../shared/data/running-example.csv', import.meta.url).pathname;
const files = testFolder('parse');
afterAll(() => files.cleanup());
const ctx = (fileName = 'test.csv', extra: Partial<ImportContext> = {}): ImportContext => ({ fileName, ...extra });

function eventsOfCase(log: EventLog, id: string): { activity: string; timestamp: number; resource: string | null }[] {
  const c = log.caseIds.indexOf(id);
  const out = [];
  for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++) {
    out.push({
      activity: log.activities[log.activity[i]],
      timestamp: log.timestamp[i],
      resource: log.resource[i] < 0 ? null : log.resources[log.resource[i]],
    });
  }
  return out;
}

describe('parseCsvLog on the running example (counts checked by hand from the file)', () => {
  it('6 cases, 42 events, 8 activities, 6 resources; case 1 in time order', async () => {
    const parsed = await parseCsvLog(RUNNING_EXAMPLE, {}, ctx('running-example.csv'));
    const { log } = parsed;
    expect(parsed.rowsRead).toBe(42);
    expect(parsed.rejectedCount).toBe(0);
    expect(log.eventCount).toBe(42);
    expect(log.caseCount).toBe(6);
    expect([...log.activities].sort()).toEqual([
      'check ticket',
      'decide',
      'examine casually',
      'examine thoroughly',
      'pay compensation',
      'register request',
      'reinitiate request',
      'reject request',
    ]);
    expect([...log.resources].sort()).toEqual(['Ellen', 'Mike', 'Pete', 'Sara', 'Sean', 'Sue']);
    // Activity frequencies counted with `cut | sort | uniq -c`.
    const counts: Record<string, number> = {};
    for (let i = 0; i < log.eventCount; i++)
      counts[log.activities[log.activity[i]]] = (counts[log.activities[log.activity[i]]] ?? 0) + 1;
    expect(counts).toEqual({
      'check ticket': 9,
      decide: 9,
      'examine casually': 6,
      'examine thoroughly': 3,
      'pay compensation': 3,
      'register request': 6,
      'reinitiate request': 3,
      'reject request': 3,
    });
    expect(eventsOfCase(log, '1')).toEqual([
      { activity: 'register request', timestamp: 1_293_703_320_000, resource: 'Pete' }, // 2010-12-30 11:02+01:00
      { activity: 'examine thoroughly', timestamp: Date.UTC(2010, 11, 31, 9, 6), resource: 'Sue' },
      { activity: 'check ticket', timestamp: Date.UTC(2011, 0, 5, 14, 12), resource: 'Mike' },
      { activity: 'decide', timestamp: Date.UTC(2011, 0, 6, 10, 18), resource: 'Sara' },
      { activity: 'reject request', timestamp: Date.UTC(2011, 0, 7, 13, 24), resource: 'Pete' },
    ]);
    expect(Math.min(...log.timestamp)).toBe(1_293_703_320_000);
    expect(Math.max(...log.timestamp)).toBe(Date.UTC(2011, 0, 24, 13, 56)); // case 5, reject request 14:56+01:00
    // The source line of the first event of case 3 (first data row) is line 2.
    expect(log.sourceRow[log.caseStart[log.caseIds.indexOf('3')]]).toBe(2);
  });

  it('other columns become typed attributes; case: columns become case attributes', async () => {
    const { log, mapping } = await parseCsvLog(RUNNING_EXAMPLE, {}, ctx());
    expect(mapping).toMatchObject({
      case: 'case:concept:name',
      activity: 'concept:name',
      timestamp: 'time:timestamp',
      resource: 'org:resource',
      timestampFormat: 'iso8601',
    });
    expect(log.eventAttributes.map((a) => [a.name, a.type])).toEqual([
      ['Activity', 'string'],
      ['Costs', 'number'],
      ['Resource', 'string'],
    ]);
    const costs = log.eventAttributes[1];
    if (costs.type === 'string') throw new Error('Costs should be numeric');
    // 9 x 100 + 18 x 200 + 9 x 400 + 6 x 50 (uniq -c on the Costs column)
    expect(costs.values.reduce((a, b) => a + b, 0)).toBe(8400);
    expect(log.caseAttributes).toHaveLength(1);
    const creator = log.caseAttributes[0];
    expect(creator.name).toBe('creator');
    if (creator.type !== 'string') throw new Error('creator should be text');
    expect(Array.from(creator.codes, (c) => creator.dictionary[c])).toEqual(Array(6).fill('Fluxicon Nitro'));
  });

  it('reports progress and honours cancel', async () => {
    const seen: number[] = [];
    await parseCsvLog(RUNNING_EXAMPLE, {}, ctx('x', { onProgress: (done, total) => seen.push(done, total) }));
    expect(seen.slice(-2)).toEqual([3725, 3725]);
    const controller = new AbortController();
    controller.abort();
    await expect(parseCsvLog(RUNNING_EXAMPLE, {}, ctx('x', { signal: controller.signal }))).rejects.toBeInstanceOf(
      CancelledError,
    );
  });
});

describe('parseCsvLog: mapping, formats and time zones', () => {
  it('an explicit mapping; naive DD/MM timestamps in Europe/Berlin across DST', async () => {
    const path = files.write(
      'dmy.csv',
      'id;step;when;who\nA;start;27/03/2021 12:00;ann\nA;end;28/03/2021 12:00;\nB;start;13/01/2021 08:00;bob\n',
    );
    const parsed = await parseCsvLog(
      path,
      { case: 'id', activity: 'step', timestamp: 'when', resource: 'who', timezone: 'Europe/Berlin' },
      ctx(),
    );
    expect(parsed.mapping).toMatchObject({ timestampFormat: 'dmy-slash', timezone: 'Europe/Berlin', resource: 'who' });
    expect(eventsOfCase(parsed.log, 'A')).toEqual([
      { activity: 'start', timestamp: Date.UTC(2021, 2, 27, 11), resource: 'ann' }, // CET +1
      { activity: 'end', timestamp: Date.UTC(2021, 2, 28, 10), resource: null }, // CEST +2
    ]);
    expect(parsed.notes).toContain('Day/month order: DD/MM, because values like 27/03/2021 exist.');
    expect(parsed.notes).toContain('Timestamps without an offset are read as Europe/Berlin time.');
  });

  it('an explicit format overrides the inference (MM/DD for undecidable values)', async () => {
    const path = files.write('mdy.csv', 'case,activity,time\n1,a,01/02/2021\n1,b,03/04/2021\n');
    const dmy = await parseCsvLog(path, { timezone: 'UTC' }, ctx());
    expect(dmy.log.timestamp[0]).toBe(Date.UTC(2021, 1, 1));
    const mdy = await parseCsvLog(path, { timezone: 'UTC', timestampFormat: 'MM/DD/YYYY' }, ctx());
    expect(mdy.log.timestamp[0]).toBe(Date.UTC(2021, 0, 2));
    expect(mdy.mapping?.timestampFormat).toBe('mdy-slash');
  });

  it('epoch milliseconds, start timestamps, booleans and numbers as attributes', async () => {
    const path = files.write(
      'epoch.csv',
      'case,activity,start_time,end_time,urgent,cost\nc,a,1293703200000,1293703320000,yes,1.25\nc,b,,1293703380000,no,n/a\n',
    );
    const { log } = await parseCsvLog(path, {}, ctx());
    expect(Array.from(log.timestamp)).toEqual([1_293_703_320_000, 1_293_703_380_000]);
    expect(Array.from(log.startTimestamp!)).toEqual([1_293_703_200_000, NaN]);
    const urgent = log.eventAttributes.find((a) => a.name === 'urgent')!;
    expect(urgent.type).toBe('boolean');
    if (urgent.type !== 'string') expect(Array.from(urgent.values)).toEqual([1, 0]);
    // 'n/a' after a number widens the column to text, keeping both values.
    const cost = log.eventAttributes.find((a) => a.name === 'cost')!;
    expect(cost.type).toBe('string');
    if (cost.type === 'string') expect(Array.from(cost.codes, (c) => cost.dictionary[c])).toEqual(['1.25', 'n/a']);
  });

  it('labels that look like markup or formulas are stored as plain text, unchanged', async () => {
    const path = files.write(
      'xss.csv',
      'case,activity,timestamp\n1,<script>alert(1)</script>,2021-01-01T00:00:00Z\n1,"=HYPERLINK(""http://x"")",2021-01-01T01:00:00Z\n',
    );
    const { log } = await parseCsvLog(path, {}, ctx());
    expect(log.activities).toEqual(['<script>alert(1)</script>', '=HYPERLINK("http://x")']);
  });

  it('Latin-1 (Windows-1252) files decode umlauts and the euro sign', async () => {
    const text =
      'Fall;Tätigkeit;Zeit;Betrag\n1;Prüfung;01.02.2021 10:00;5 \u0080\n1;Größe messen;01.02.2021 11:00;7 \u0080\n';
    const parsed = await parseCsvLog(
      files.write('latin1.csv', Buffer.from(text, 'latin1')),
      { case: 'Fall', activity: 'Tätigkeit', timezone: 'UTC' },
      ctx(),
    );
    expect(parsed.log.activities).toEqual(['Prüfung', 'Größe messen']);
    const amount = parsed.log.eventAttributes.find((a) => a.name === 'Betrag')!;
    if (amount.type !== 'string') throw new Error('Betrag should be text');
    expect(amount.dictionary).toEqual(['5 €', '7 €']);
    expect(parsed.log.timestamp[0]).toBe(Date.UTC(2021, 1, 1, 10));
  });

  it('UTF-8 BOM, CRLF and quoted newlines keep line numbers right', async () => {
    const text = '\ufeffcase,activity,timestamp\r\n1,"two\r\nlines",2021-01-01T00:00:00Z\r\n1,b,not a time\r\n';
    const parsed = await parseCsvLog(files.write('crlf.csv', text), {}, ctx());
    expect(parsed.log.activities).toEqual(['two\r\nlines']);
    expect(parsed.rejected).toEqual([
      { line: 4, reason: 'timestamp "not a time" in column "timestamp" does not match YYYY-MM-DDTHH:MM:SSZ' },
    ]);
  });
});

describe('parseCsvLog: bad input', () => {
  it('empty file', async () => {
    const e = await inputErrorOf(parseCsvLog(files.write('empty.csv', ''), {}, ctx('empty.csv')));
    expect(e.message).toBe('The file is empty.');
    expect(e.details).toMatchObject({ file: 'empty.csv', line: 1 });
  });

  it('header only', async () => {
    const e = await inputErrorOf(
      parseCsvLog(files.write('header.csv', 'case,activity,timestamp\n'), {}, ctx('header.csv')),
    );
    expect(e.message).toBe('The file has a header line but no rows of data.');
    expect(e.details).toMatchObject({ file: 'header.csv', line: 2 });
  });

  it('unbalanced quote names the line where it opened', async () => {
    const text =
      'case,activity,timestamp\n1,a,2021-01-01T00:00:00Z\n1,"b,2021-01-01T01:00:00Z\n1,c,2021-01-01T02:00:00Z\n';
    const e = await inputErrorOf(parseCsvLog(files.write('quote.csv', text), {}, ctx('quote.csv')));
    expect(e.details).toMatchObject({ file: 'quote.csv', line: 3, column: 3 });
    expect(e.message).toContain('line 3');
  });

  it('unbalanced quote near the top of a file larger than the head', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `1,a${i},2021-01-01T00:00:00Z`).join('\n');
    const text = `case,activity,timestamp\n1,"open,2021-01-01T00:00:00Z\n${rows}\n`;
    const e = await inputErrorOf(parseCsvLog(files.write('quote-big.csv', text), {}, ctx('quote-big.csv')));
    expect(e.details).toMatchObject({ file: 'quote-big.csv', line: 2 });
  });

  it('no timestamp-like column', async () => {
    const e = await inputErrorOf(
      parseCsvLog(files.write('nots.csv', 'case,activity,note\n1,a,x\n1,b,y\n'), {}, ctx('nots.csv')),
    );
    expect(e.message).toBe('No column looks like timestamps, so events cannot be put in order.');
    expect(e.details.hint).toContain('--timestamp');
  });

  it('a mapped column missing from the header', async () => {
    const e = await inputErrorOf(parseCsvLog(RUNNING_EXAMPLE, { case: 'CaseID' }, ctx('running-example.csv')));
    expect(e.message).toBe('Column "CaseID" (chosen as case) is not in the header.');
    expect(e.details).toMatchObject({ line: 1 });
    expect(e.details.hint).toContain('"case:concept:name"');
  });

  it('unknown time zone and unknown format', async () => {
    await expect(parseCsvLog(RUNNING_EXAMPLE, { timezone: 'Mars/Base' }, ctx())).rejects.toThrow(
      'Unknown time zone "Mars/Base".',
    );
    await expect(parseCsvLog(RUNNING_EXAMPLE, { timestampFormat: 'YYYYMMDD' }, ctx())).rejects.toThrow(
      'Unknown timestamp format "YYYYMMDD".',
    );
  });

  it('ragged rows, unparseable and mixed timestamps, missing case or activity: rejected with line and reason', async () => {
    const text = [
      'case,activity,timestamp', // 1
      '1,a,2021-01-01 10:00:00', // 2
      '1,b,2021-01-01 11:00:00,extra', // 3 ragged
      '1,c', // 4 ragged
      '', // 5 blank: skipped silently
      '1,d,01.01.2021 12:00', // 6 other format
      ',e,2021-01-01 13:00:00', // 7 no case
      '2,,2021-01-01 14:00:00', // 8 no activity
      '2,f,', // 9 no timestamp
      '2,g,2021-02-30 10:00:00', // 10 no such day
      '2,h,2021-01-02 10:00:00', // 11
    ].join('\n');
    const parsed = await parseCsvLog(files.write('rag.csv', text), { timezone: 'UTC' }, ctx());
    expect(parsed.rowsRead).toBe(9);
    expect(parsed.log.eventCount).toBe(2);
    expect(parsed.rejectedCount).toBe(7);
    expect(parsed.rejected).toEqual([
      { line: 3, reason: 'row has 4 fields, the header has 3' },
      { line: 4, reason: 'row has 2 fields, the header has 3' },
      { line: 6, reason: 'timestamp "01.01.2021 12:00" in column "timestamp" does not match YYYY-MM-DD HH:MM:SS' },
      { line: 7, reason: 'case id is empty (column "case")' },
      { line: 8, reason: 'activity is empty (column "activity")' },
      { line: 9, reason: 'timestamp is empty (column "timestamp")' },
      { line: 10, reason: 'timestamp "2021-02-30 10:00:00" in column "timestamp" does not match YYYY-MM-DD HH:MM:SS' },
    ]);
    expect(Array.from(parsed.log.sourceRow)).toEqual([2, 11]);
  });

  it('a 30 MB field: its row is rejected, the rest imported, memory bounded', async () => {
    const path = files.path('big.csv');
    const fd = openSync(path, 'w');
    writeSync(fd, 'case,activity,timestamp,note\n1,a,2021-01-01T00:00:00Z,short\n1,b,2021-01-01T01:00:00Z,"');
    const block = Buffer.alloc(1 << 20, 'xy,\n'); // delimiters and newlines inside the quotes
    for (let i = 0; i < 30; i++) writeSync(fd, block);
    writeSync(fd, '"\n1,c,2021-01-01T02:00:00Z,after\n');
    closeSync(fd);
    // Collect garbage before each reading so that what is measured is what the parser holds.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().rss;
    let peak = before;
    const onProgress = () => {
      gc();
      peak = Math.max(peak, process.memoryUsage().rss);
    };
    const parsed = await parseCsvLog(path, {}, ctx('big.csv', { onProgress }));
    const growthMb = (peak - before) / 2 ** 20;
    expect(parsed.log.activities).toEqual(['a', 'c']);
    // 30 MiB of 'xy,\n' holds 30 * 2^18 newlines, so the row after it starts on line 4 + 7864320.
    expect(parsed.log.sourceRow[1]).toBe(4 + 30 * 2 ** 18);
    expect(parsed.rejected).toEqual([{ line: 3, reason: 'field at column 4 is 30.0 MB, over the 1 MiB limit' }]);
    console.log(`30 MB field: rss growth ${growthMb.toFixed(1)} MiB`);
    expect(growthMb).toBeLessThan(20);
  });
});

describe('parseCsvLog: text attributes', () => {
  it('keeps each text value, quoted or not, as one dictionary entry per distinct value', async () => {
    const csv = [
      'case,activity,time,region,note',
      '1,a,2021-01-01T10:00:00Z,EU,"say ""hi"""',
      '1,b,2021-01-01T11:00:00Z,"EU",plain',
      '2,a,2021-01-01T12:00:00Z,US,say "hi"',
      '2,b,2021-01-01T13:00:00Z,,plain',
    ].join('\n');
    const { log } = await parseCsvLog(files.write('attrs.csv', csv), {}, { fileName: 'attrs.csv' });
    const values = (name: string) => {
      const column = log.eventAttributes.find((c) => c.name === name)!;
      if (column.type !== 'string') throw new Error(`${name} is ${column.type}`);
      return {
        values: Array.from(column.codes, (c) => (c < 0 ? null : column.dictionary[c])),
        distinct: column.dictionary.length,
      };
    };
    expect(values('region')).toEqual({ values: ['EU', 'EU', 'US', null], distinct: 2 });
    expect(values('note')).toEqual({ values: ['say "hi"', 'plain', 'say "hi"', 'plain'], distinct: 2 });
  });
});
