import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { caseMask } from '../analysis/filters.ts';
import { statisticsTable } from '../analysis/statistics-table.ts';
import { logFromTraces } from '../analysis/logs.fixture.ts';
import { testFolder } from '../import/csv/files.fixture.ts';
import { inputErrorOf } from '../import/input-error-of.fixture.ts';
import { exportLog, exportTable } from './export-log.ts';
import { csvField } from './log-csv.ts';
import { xmlText } from './log-xes.ts';
import { casesTable, spreadsheetText, statisticsTableCsv, variantsTable } from './table-csv.ts';

const files = testFolder('export-unit');
afterAll(() => files.cleanup());

/** Two cases; times in minutes from 2024-01-01T00:00Z. Case "=1" has a formula-looking id. */
const log = () =>
  logFromTraces(
    {
      '=1': [
        { activity: '=HYPERLINK("x")', at: 0, resource: 'Ann' },
        { activity: 'b', at: 60, startAt: 30 },
      ],
      two: [
        { activity: 'a, "quoted"', at: 0 },
        { activity: 'b', at: 5, attributes: { cost: 2.5 } },
      ],
    },
    { '=1': { region: '@north' }, two: { region: 'south' } },
  );

describe('spreadsheet tables (OWASP CSV injection)', () => {
  it('text that would start a formula gets an apostrophe; numbers stay numbers', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(spreadsheetText(text)).toBe(`"'${text}"`);
    expect(spreadsheetText('a "b"')).toBe('"a ""b"""');
    expect(spreadsheetText('plain')).toBe('"plain"');
  });

  it('the variants and cases tables as written, by hand', async () => {
    const variantsFile = files.path('variants.csv');
    await exportTable(variantsTable(log()), variantsFile);
    expect(readFileSync(variantsFile, 'utf8')).toBe(
      '\ufeff"Variant","Cases","Share","Mean duration (s)","Activities","Sequence"\r\n' +
        // Ties (one case each) in sequence order: "=HYPERLINK…" sorts before "a, …" by code point.
        `1,1,0.5,3600,2,"'=HYPERLINK(""x"") → b"\r\n` +
        '2,1,0.5,300,2,"a, ""quoted"" → b"\r\n',
    );
    const casesFile = files.path('cases.csv');
    const written = await exportTable(
      casesTable(log(), caseMask(log(), [{ kind: 'activities', activities: ['b'], mode: 'any' }])),
      casesFile,
    );
    expect(written.events).toBe(2);
    expect(readFileSync(casesFile, 'utf8').split('\r\n')).toEqual([
      '\ufeff"Case","Events","Start","End","Duration (s)","Variant","region"',
      `"'=1",2,"2024-01-01T00:00:00.000Z","2024-01-01T01:00:00.000Z",3600,1,"'@north"`,
      '"two",2,"2024-01-01T00:00:00.000Z","2024-01-01T00:05:00.000Z",300,2,"south"',
      '',
    ]);
  });

  it('the cases table with times in the display time zone (Berlin, +01:00 in January)', async () => {
    const file = files.path('cases-berlin.csv');
    await exportTable(casesTable(log(), null, 'Europe/Berlin'), file);
    const lines = readFileSync(file, 'utf8').split('\r\n');
    expect(lines[1]).toBe(`"'=1",2,"2024-01-01T01:00:00.000+01:00","2024-01-01T02:00:00.000+01:00",3600,1,"'@north"`);
  });

  it('the statistics table, durations in seconds and empty where unknown', async () => {
    const file = files.path('statistics.csv');
    await exportTable(statisticsTableCsv(statisticsTable(log(), null, { by: 'activity' })), file);
    const lines = readFileSync(file, 'utf8').split('\r\n');
    expect(lines[0]).toBe(
      '\ufeff"Activity","Frequency","Relative frequency","Case frequency","Case share","Durations","Mean (s)","Median (s)","P90 (s)","P95 (s)","SD (s)","Min (s)","Max (s)","Total (s)"',
    );
    // b: two events, case frequency 2; with start times only the one with a start counts (30 min).
    expect(lines[1]).toBe('"b",2,0.5,2,1,1,1800,1800,1800,1800,,1800,1800,1800');
  });
});

describe('log export files', () => {
  it('CSV keeps values verbatim and quotes by RFC 4180', async () => {
    const file = files.path('log.csv');
    const result = await exportLog(log(), file, 'csv');
    expect(result.notes[0]).toMatch(/^Values are written verbatim/);
    expect(readFileSync(file, 'utf8').split('\r\n')).toEqual([
      'case:concept:name,concept:name,time:timestamp,org:resource,start_timestamp,case:region,cost',
      '=1,"=HYPERLINK(""x"")",2024-01-01T00:00:00.000Z,Ann,,@north,',
      '=1,b,2024-01-01T01:00:00.000Z,,2024-01-01T00:30:00.000Z,@north,',
      'two,"a, ""quoted""",2024-01-01T00:00:00.000Z,,,south,',
      'two,b,2024-01-01T00:05:00.000Z,,,south,2.5',
      '',
    ]);
  });

  it('XES.gz: start and complete events in time order, escaped values, only the filtered cases', async () => {
    const file = files.path('log.xes.gz');
    const result = await exportLog(log(), file, 'xes.gz', { mask: Uint8Array.from([1, 0]), logName: 'a & b' });
    expect(result).toMatchObject({ cases: 1, events: 2 });
    const xml = gunzipSync(readFileSync(file)).toString('utf8');
    expect(xml).toContain('<string key="concept:name" value="a &amp; b"/>');
    expect(xml).toContain('<string key="concept:name" value="=HYPERLINK(&quot;x&quot;)"/>');
    expect(xml).not.toContain('value="two"');
    const times = [
      ...xml.matchAll(
        /key="time:timestamp" value="([^"]+)"\/>\n\s+(?:<string key="org:resource"[^\n]+\n\s+)?<string key="lifecycle:transition" value="(\w+)"/g,
      ),
    ]
      .map((m) => `${m[2]} ${m[1]}`)
      .slice(1); // the first is the global default
    expect(times).toEqual([
      'complete 2024-01-01T00:00:00.000Z',
      'start 2024-01-01T00:30:00.000Z',
      'complete 2024-01-01T01:00:00.000Z',
    ]);
  });

  it('escaping helpers', () => {
    expect(xmlText('a<b>&"c"\t\n\r\u0001')).toBe('a&lt;b&gt;&amp;&quot;c&quot;&#9;&#10;&#13;\ufffd');
    expect(csvField(' x')).toBe('" x"');
    expect(csvField('x')).toBe('x');
  });

  it('a folder that does not exist is an input error and leaves no partial file', async () => {
    const error = await inputErrorOf(exportLog(log(), files.path('missing/log.csv'), 'csv'));
    expect(error.message).toMatch(/^Cannot write .*missing\/log\.csv: ENOENT\.$/);
    expect(existsSync(files.path('missing'))).toBe(false);
    const error2 = await inputErrorOf(exportLog(log(), files.path('x.csv'), 'pdf' as 'csv'));
    expect(error2.message).toBe('Unknown export format "pdf".');
    const error3 = await inputErrorOf(exportLog(log(), files.path('.'), 'csv'));
    expect(error3.message).toMatch(/EISDIR|EEXIST|ENOTEMPTY/);
    expect(readdirSync(files.path('.')).filter((f) => f.includes('partial'))).toEqual([]);
  });
});
