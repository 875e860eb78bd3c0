import { afterAll, describe, expect, it } from 'vitest';
import type { EventLog } from '../../eventlog/event-log.ts';
import { inputErrorOf } from '../input-error-of.fixture.ts';
import { parseCsvLog } from './parse-csv-log.ts';
import { previewCsv } from './preview-csv.ts';
import { testFolder } from './files.fixture.ts';

/** Defect 3 of issue 12: a semicolon CSV whose amounts read "23,50" kept them as text. */
const files = testFolder('decimal');
afterAll(() => files.cleanup());
const ctx = { fileName: 'amounts.csv' };

function numbers(log: EventLog, name: string): number[] {
  const column = log.eventAttributes.find((a) => a.name === name);
  if (!column || column.type !== 'number') throw new Error(`${name} is ${column?.type ?? 'missing'}`);
  return Array.from(column.values);
}

const SEMICOLON = [
  'Fall;Tätigkeit;Zeit;Betrag;Menge',
  '1;Auftrag;2021-02-01 10:00;23,50;1.234',
  '1;Prüfung;2021-02-01 11:00;1.234,5;2',
  '2;Auftrag;2021-02-02 10:00;-0,75;12.000',
  '2;Prüfung;2021-02-02 11:00;;3',
].join('\n');

describe('decimal commas and thousands separators in CSV number columns', () => {
  it('a semicolon file reads "23,50" as 23.5 and "1.234,5" as 1234.5, and the preview says why', async () => {
    const path = files.write('semicolon.csv', SEMICOLON);
    const preview = await previewCsv(path);
    const betrag = preview.columns.find((c) => c.name === 'Betrag')!;
    expect(betrag.inferredType).toBe('number');
    expect(betrag.numberFormat).toEqual({ decimal: ',', thousands: '.' });
    expect(preview.notes).toContain(
      'Numbers in "Betrag" are read with a decimal comma and "." between thousands ("1.234,5" is 1234.5), the only convention that reads every sampled value.',
    );
    // "1.234" alone could be either; the semicolon decides, and the note says how to change it.
    expect(preview.notes.find((n) => n.startsWith('Numbers in "Menge"'))).toMatch(
      /"1.234" is 1234\), as files delimited by semicolons usually write them; "1.234" could also be 1.234/,
    );

    const parsed = await parseCsvLog(path, { timezone: 'UTC' }, ctx);
    expect(parsed.rejectedCount).toBe(0);
    // Events sorted by case then time, so file order here.
    expect(numbers(parsed.log, 'Betrag')).toEqual([23.5, 1234.5, -0.75, NaN]);
    expect(numbers(parsed.log, 'Menge')).toEqual([1234, 2, 12000, 3]);
    expect(parsed.mapping?.attributes?.find((a) => a.name === 'Betrag')?.numberFormat).toEqual({
      decimal: ',',
      thousands: '.',
    });
    expect(parsed.notes.some((n) => n.startsWith('Numbers in "Betrag" are read with a decimal comma'))).toBe(true);
  });

  it('a value that still is not a number rejects its row with line, column and reason', async () => {
    const path = files.write(
      'bad.csv',
      `${SEMICOLON}\n3;Auftrag;2021-02-03 10:00;12 EUR;1\n3;Prüfung;2021-02-03 11:00;4,5;1`,
    );
    // The sampled rows hold the bad value, so the user chose "number" for the column.
    const attributes = [
      { name: 'Betrag', type: 'number' as const },
      { name: 'Menge', type: 'number' as const },
    ];
    const parsed = await parseCsvLog(path, { timezone: 'UTC', attributes }, ctx);
    expect(parsed.rejected).toEqual([
      {
        line: 6,
        reason: '"12 EUR" in column "Betrag" is not a number (read with a decimal comma and "." between thousands)',
      },
    ]);
    expect(parsed.log.eventCount).toBe(5);
    expect(numbers(parsed.log, 'Betrag')).toEqual([23.5, 1234.5, -0.75, NaN, 4.5]);
  });

  it('choosing "number" for a column of mixed values rejects the rows that are not numbers (never silent text)', async () => {
    const path = files.write(
      'mixed.csv',
      'case;activity;time;amount\n1;a;2021-01-01 10:00;23,50\n1;b;2021-01-01 11:00;n/a\n2;a;2021-01-02 10:00;7\n',
    );
    const preview = await previewCsv(path);
    expect(preview.columns.find((c) => c.name === 'amount')!.inferredType).toBe('string');
    const attributes = [{ name: 'amount', type: 'number' as const }];
    const parsed = await parseCsvLog(path, { timezone: 'UTC', attributes }, ctx);
    expect(parsed.rejected).toEqual([
      { line: 3, reason: '"n/a" in column "amount" is not a number (read with a decimal comma)' },
    ]);
    expect(numbers(parsed.log, 'amount')).toEqual([23.5, 7]);
    expect(parsed.notes).toContain(
      'Column "amount" is read as numbers, but 33% of its sampled values (such as "n/a") are not numbers: their rows will be rejected.',
    );
  });

  it('an explicit number format wins over the detection; a malformed one is an input error', async () => {
    const path = files.write(
      'explicit.csv',
      'case;activity;time;qty\n1;a;2021-01-01 10:00;1.234\n1;b;2021-01-01 11:00;2.500\n',
    );
    const plain = await parseCsvLog(
      path,
      { timezone: 'UTC', attributes: [{ name: 'qty', type: 'number', numberFormat: { decimal: '.', thousands: '' } }] },
      ctx,
    );
    expect(numbers(plain.log, 'qty')).toEqual([1.234, 2.5]);
    expect(plain.notes).toContain('Numbers in "qty" are read with a decimal point, as chosen.');
    const wrong = { decimal: ',', thousands: ',' } as unknown as { decimal: ','; thousands: '' };
    const error = await inputErrorOf(
      parseCsvLog(path, { timezone: 'UTC', attributes: [{ name: 'qty', type: 'number', numberFormat: wrong }] }, ctx),
    );
    expect(error.message).toBe('The number format of column "qty" is not one Gemba reads.');
  });

  it('a comma file keeps decimal points, reads quoted "1,234.5" with thousands and quoted "23,50" as 23.5', async () => {
    const path = files.write(
      'comma.csv',
      'case,activity,time,price,total\n1,a,2021-01-01 10:00,"23,50","1,234.5"\n1,b,2021-01-01 11:00,"1,5",12\n',
    );
    const parsed = await parseCsvLog(path, { timezone: 'UTC' }, ctx);
    expect(numbers(parsed.log, 'price')).toEqual([23.5, 1.5]);
    expect(numbers(parsed.log, 'total')).toEqual([1234.5, 12]);
  });

  it('a number column typed from the first rows rejects later text instead of widening to text', async () => {
    const rows = ['case,activity,time,cost'];
    for (let i = 0; i < 2100; i++) rows.push(`${i},a,2021-01-01 10:00,${i}.5`);
    rows.push('x,a,2021-01-01 10:00,unknown');
    const parsed = await parseCsvLog(files.write('late.csv', rows.join('\n')), { timezone: 'UTC' }, ctx);
    expect(parsed.rejected).toEqual([
      { line: 2102, reason: '"unknown" in column "cost" is not a number (read with a decimal point)' },
    ]);
    expect(parsed.log.eventCount).toBe(2100);
  });
});
