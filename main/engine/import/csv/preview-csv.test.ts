import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../errors.ts';
import { previewCsv } from './preview-csv.ts';
import { testFolder } from './files.fixture.ts';

const RUNNING_EXAMPLE = new URL('../../../../../shared/data/running-example.csv', import.meta.url).pathname;
const files = testFolder('preview');
afterAll(() => files.cleanup());

describe('previewCsv', () => {
  it('running example: XES standard names win over the decoy Activity/Resource columns', async () => {
    const p = await previewCsv(RUNNING_EXAMPLE);
    expect(p).toMatchObject({
      fileName: 'running-example.csv',
      fileSize: 3725,
      encoding: 'utf-8',
      hasBom: false,
      delimiter: ',',
      quote: '"',
    });
    expect(p.header).toEqual([
      'Activity',
      'Costs',
      'Resource',
      'case:concept:name',
      'case:creator',
      'concept:name',
      'org:resource',
      'time:timestamp',
    ]);
    expect(p.rows).toHaveLength(20);
    expect(p.rows[0]).toEqual([
      'register request',
      '50',
      'Pete',
      '3',
      'Fluxicon Nitro',
      'register request',
      'Pete',
      '2010-12-30 14:32:00+01:00',
    ]);
    expect(p.suggested).toMatchObject({
      case: 'case:concept:name',
      activity: 'concept:name',
      timestamp: 'time:timestamp',
      resource: 'org:resource',
      startTimestamp: null,
      timestampFormat: 'iso8601',
    });
    expect(p.suggested.attributes).toEqual([
      { name: 'Activity', type: 'string' },
      { name: 'Costs', type: 'number', numberFormat: { decimal: '.', thousands: '' } },
      { name: 'Resource', type: 'string' },
      { name: 'case:creator', type: 'string' },
    ]);
    const costs = p.columns[1];
    // 42 rows: costs 50, 100, 200, 400 (4 distinct), none empty
    expect(costs).toMatchObject({ name: 'Costs', inferredType: 'number', emptyCount: 0, distinctCount: 4 });
    expect(p.columns[7].timestampFormat).toMatchObject({ id: 'iso8601', hasOffset: true, parsedShare: 1 });
    expect(p.notes).toContain('Activity: "concept:name" (XES standard name), rather than "Activity".');
    expect(p.notes).toContain('Resource: "org:resource" (XES standard name), rather than "Resource".');
  });

  it('common names, semicolons, DD.MM.YYYY and Latin-1', async () => {
    const text =
      'Case ID;Aktivität;Zeitstempel;Benutzer;Betrag\n' +
      'A1;Prüfung;23.04.2021 10:00;Müller;1,5\n' +
      'A1;Freigabe €;24.04.2021 11:30;Schmidt;2\n';
    // '€' is not in ISO-8859-1; Windows-1252 writes it as 0x80.
    const path = files.write('latin1.csv', Buffer.from(text.replace('€', '\u0080'), 'latin1'));
    const p = await previewCsv(path, 'Export.csv');
    expect(p).toMatchObject({ fileName: 'Export.csv', encoding: 'latin1', delimiter: ';' });
    expect(p.header[1]).toBe('Aktivität');
    expect(p.rows[1]).toEqual(['A1', 'Freigabe €', '24.04.2021 11:30', 'Schmidt', '2']);
    expect(p.suggested).toMatchObject({ case: 'Case ID', timestamp: 'Zeitstempel', timestampFormat: 'dmy-dot' });
    // No German names in our lists: the activity falls back to the text column with fewest values
    // (Aktivität and Benutzer both have 2; the first wins).
    expect(p.suggested.activity).toBe('Aktivität');
    expect(p.columns[2].timestampFormat?.label).toBe('DD.MM.YYYY HH:MM');
    expect(p.notes.some((n) => n.startsWith('Encoding: Latin-1'))).toBe(true);
    expect(p.notes.some((n) => n.includes('no time zone'))).toBe(true);
  });

  it('day/month order shown with its reason', async () => {
    const path = files.write('dmy.csv', 'case,activity,timestamp\n1,a,01/02/2021 10:00\n1,b,23/04/2021 10:00\n');
    const p = await previewCsv(path);
    expect(p.suggested.timestampFormat).toBe('dmy-slash');
    expect(p.notes).toContain('Day/month order: DD/MM, because values like 23/04/2021 exist.');
  });

  it('a BOM and a start timestamp column', async () => {
    const path = files.write(
      'bom.csv',
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('order id,task,start,end,user\nO1,pick,2021-01-01 10:00,2021-01-01 10:30,ann\n'),
      ]),
    );
    const p = await previewCsv(path);
    expect(p).toMatchObject({ hasBom: true, encoding: 'utf-8' });
    expect(p.header[0]).toBe('order id');
    expect(p.suggested).toMatchObject({
      case: 'order id',
      activity: 'task',
      timestamp: 'end',
      startTimestamp: 'start',
      resource: 'user',
    });
  });

  it('a file without header line gets positional names', async () => {
    const path = files.write('noheader.csv', 'c1,start,2021-01-01T10:00:00Z\nc1,end,2021-01-01T11:00:00Z\n');
    const p = await previewCsv(path);
    expect(p.header).toEqual(['column 1', 'column 2', 'column 3']);
    expect(p.rows).toHaveLength(2);
    expect(p.suggested.timestamp).toBe('column 3');
  });

  it('empty and header-only files are refused with a line', async () => {
    await expect(previewCsv(files.write('empty.csv', ''))).rejects.toMatchObject({
      message: 'The file is empty.',
      details: { line: 1 },
    });
    await expect(previewCsv(files.write('header.csv', 'a,b,c\n'))).rejects.toBeInstanceOf(InputError);
    await expect(previewCsv(files.write('header2.csv', 'a,b,c\n'))).rejects.toMatchObject({ details: { line: 2 } });
  });

  it('refuses a binary file and a file that does not split into columns', async () => {
    const binary = Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000xl/workbook.xml', 'latin1'); // the start of an .xlsx (zip)
    await expect(previewCsv(files.write('sheet.csv', binary))).rejects.toMatchObject({
      message: expect.stringMatching(/not a text file \(it holds NUL bytes\)/),
      details: { line: 1 },
    });
    const noisy = Buffer.alloc(400, 'a');
    for (let i = 0; i < 400; i += 20) noisy[i] = 0x1b; // 20 escape bytes in 400: 5% control characters
    await expect(previewCsv(files.write('noisy.csv', noisy))).rejects.toThrow(/20 control bytes/);
    await expect(previewCsv(files.write('prose.csv', 'just some prose\nwithout any delimiter\n'))).rejects.toThrow(
      /splits into one column/,
    );
    await expect(previewCsv(files.write('two.csv', 'case,activity\n1,a\n'))).rejects.toThrow(/splits into two columns/);
  });

  it('a distinct count over a sample of a longer file is flagged as capped (issue 12: "≥ 2,000")', async () => {
    const rows = ['case,activity,time'];
    for (let i = 0; i < 2001; i++) rows.push(`${i},a,2021-01-01 10:00`);
    const long = await previewCsv(files.write('long.csv', rows.join('\n')));
    // 2,001 rows: the sample holds 2,000, every case id in it distinct, and one row more exists.
    expect(long.columns[0]).toMatchObject({ distinctCount: 2000, distinctCapped: true });
    const exact = await previewCsv(files.write('exact.csv', rows.slice(0, 2001).join('\n')));
    expect(exact.columns[0].distinctCount).toBe(2000);
    expect(exact.columns[0].distinctCapped).toBeUndefined();
  });
});
