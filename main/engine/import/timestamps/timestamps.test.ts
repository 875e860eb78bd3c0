import { describe, expect, it } from 'vitest';
import { daysFromCivil } from './civil-time.ts';
import { inferTimestampFormat } from './infer-timestamp-format.ts';
import { resolveTimestampFormatId, timestampBytesParser, timestampParser } from './timestamp-parser.ts';

// Reference instants are worked out by hand (day counts) or with Date.UTC, never with our parsers.
const T_2010_12_30_1002Z = 1_293_703_320_000; // given in the issue: 2010-12-30T11:02:00+01:00
const H = 3_600_000;

describe('civil time', () => {
  it('counts days from 1970-01-01', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 1, 1)).toBe(10_957); // 30 years, 7 leap days (72..96)
    expect(daysFromCivil(2000, 3, 1)).toBe(10_957 + 31 + 29); // 2000 is a leap year
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
  });
});

describe('timestamp parsers, one per format', () => {
  const utc = (id: string) => timestampParser(id, 'UTC');
  it('ISO 8601 with offset, Z, space, fraction', () => {
    expect(utc('iso8601')('2010-12-30T11:02:00+01:00')).toBe(T_2010_12_30_1002Z);
    expect(utc('iso8601')('2010-12-30T10:02:00Z')).toBe(T_2010_12_30_1002Z);
    expect(utc('iso8601')('2010-12-30 11:02:00+01:00')).toBe(T_2010_12_30_1002Z);
    expect(utc('iso8601')('2010-12-30 11:02:00+0100')).toBe(T_2010_12_30_1002Z);
    expect(utc('iso8601')('2010-12-30 11:02:00+01')).toBe(T_2010_12_30_1002Z);
    expect(utc('iso8601')('2010-12-30T05:32:00-04:30')).toBe(T_2010_12_30_1002Z);
    expect(utc('iso8601')('2010-12-30T10:02:00.5Z')).toBe(T_2010_12_30_1002Z + 500);
    expect(utc('iso8601')('2010-12-30T10:02:00.123456Z')).toBe(T_2010_12_30_1002Z + 123);
    expect(utc('iso8601')('2010-12-30T10:02:00,25Z')).toBe(T_2010_12_30_1002Z + 250);
    expect(utc('iso8601')('2000-01-01T00:00:00Z')).toBe(946_684_800_000);
  });
  it('ISO naive and date-only in the given zone', () => {
    expect(timestampParser('iso8601', 'UTC')('2010-12-30 10:02:00')).toBe(T_2010_12_30_1002Z);
    expect(timestampParser('iso8601', 'Europe/Berlin')('2010-12-30 11:02:00')).toBe(T_2010_12_30_1002Z);
    expect(timestampParser('iso8601', '+01:00')('2010-12-30 11:02')).toBe(T_2010_12_30_1002Z);
    expect(timestampParser('iso8601', 'UTC')('2010-12-30')).toBe(T_2010_12_30_1002Z - (10 * H + 2 * 60_000));
  });
  it('YYYY/MM/DD HH:MM:SS.sss (as in 10_orders.xes)', () => {
    // 2019-01-01 = 1546300800 s; Nov 3 is day 306 of 2019 (304 days in Jan..Oct, +2); 01:11:19 = 4279 s
    expect(utc('ymd-slash')('2019/11/03 01:11:19.000')).toBe((1_546_300_800 + 306 * 86_400 + 4279) * 1000);
    expect(utc('ymd-slash')('2019/11/03')).toBe((1_546_300_800 + 306 * 86_400) * 1000);
  });
  it('DD.MM.YYYY, DD/MM/YYYY, MM/DD/YYYY, DD-MM-YYYY', () => {
    const berlin = (id: string) => timestampParser(id, 'Europe/Berlin');
    expect(berlin('dmy-dot')('30.12.2010 11:02')).toBe(T_2010_12_30_1002Z);
    expect(berlin('dmy-dot')('30.12.2010 11:02:00')).toBe(T_2010_12_30_1002Z);
    expect(berlin('dmy-slash')('30/12/2010 11:02')).toBe(T_2010_12_30_1002Z);
    expect(berlin('mdy-slash')('12/30/2010 11:02:00')).toBe(T_2010_12_30_1002Z);
    expect(berlin('dmy-dash')('30-12-2010 11:02')).toBe(T_2010_12_30_1002Z);
    expect(utc('mdy-slash')('12/30/2010')).toBe(Date.UTC(2010, 11, 30));
    expect(utc('dmy-dot')('1.2.2011 9:05')).toBe(Date.UTC(2011, 1, 1, 9, 5));
  });
  it('AM/PM', () => {
    expect(utc('mdy-slash')('12/30/2010 11:02 PM')).toBe(Date.UTC(2010, 11, 30, 23, 2));
    expect(utc('mdy-slash')('12/30/2010 12:15:00 AM')).toBe(Date.UTC(2010, 11, 30, 0, 15));
    expect(utc('mdy-slash')('12/30/2010 12:15 pm')).toBe(Date.UTC(2010, 11, 30, 12, 15));
    expect(utc('mdy-slash')('12/30/2010 13:15 PM')).toBeNaN();
  });
  it('epoch seconds and milliseconds, plausible ranges only', () => {
    expect(utc('epoch-s')('1293703320')).toBe(T_2010_12_30_1002Z);
    expect(utc('epoch-s')('1293703320.25')).toBe(T_2010_12_30_1002Z + 250);
    expect(utc('epoch-ms')('1293703320000')).toBe(T_2010_12_30_1002Z);
    expect(utc('epoch-s')('400')).toBeNaN();
    expect(utc('epoch-ms')('1293703320')).toBeNaN();
  });
  it('NaN for anything that is not a valid value of the format', () => {
    const iso = utc('iso8601');
    for (const bad of [
      '',
      'abc',
      '2010-02-30',
      '2010-13-01',
      '2010-12-30 25:00',
      '2010-12-30 10:60',
      '2010-12-30T10:02:00X',
      '2010-12-30 10:02 and more',
      '30.12.2010',
    ])
      expect(iso(bad), bad).toBeNaN();
    expect(utc('iso8601')('2012-02-29')).toBe(Date.UTC(2012, 1, 29));
    expect(utc('iso8601')('2011-02-29')).toBeNaN();
  });
  it('reads from bytes the same as from text', () => {
    const bytes = new TextEncoder().encode('x,2010-12-30T11:02:00+01:00,y');
    expect(timestampBytesParser('iso8601', 'UTC')(bytes, 2, 27)).toBe(T_2010_12_30_1002Z);
  });
  it('accepts patterns as format names and rejects unknown ones', () => {
    expect(resolveTimestampFormatId('DD.MM.YYYY HH:MM')).toBe('dmy-dot');
    expect(resolveTimestampFormatId('MM/DD/YYYY')).toBe('mdy-slash');
    expect(resolveTimestampFormatId('epoch-ms')).toBe('epoch-ms');
    expect(resolveTimestampFormatId('whatever')).toBeNull();
    expect(() => timestampParser('whatever', 'UTC')).toThrow(/Unknown timestamp format/);
    expect(() => timestampParser('iso8601', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('naive timestamps across daylight-saving changes', () => {
  const berlin = timestampParser('iso8601', 'Europe/Berlin');
  it('Europe/Berlin winter +1, summer +2', () => {
    expect(berlin('2021-01-15 12:00')).toBe(Date.UTC(2021, 0, 15, 11));
    expect(berlin('2021-07-01 12:00')).toBe(Date.UTC(2021, 6, 1, 10));
  });
  it('spring forward 2021-03-28 (02:00 -> 03:00)', () => {
    expect(berlin('2021-03-28 01:59:59')).toBe(Date.UTC(2021, 2, 28, 0, 59, 59));
    expect(berlin('2021-03-28 03:00:00')).toBe(Date.UTC(2021, 2, 28, 1, 0, 0));
    // 02:30 does not exist; it is read as 03:30 CEST, i.e. pushed forward by the gap.
    expect(berlin('2021-03-28 02:30:00')).toBe(Date.UTC(2021, 2, 28, 1, 30));
  });
  it('fall back 2021-10-31 (03:00 -> 02:00): the repeated hour takes the earlier instant', () => {
    expect(berlin('2021-10-31 01:30')).toBe(Date.UTC(2021, 9, 30, 23, 30));
    expect(berlin('2021-10-31 02:30')).toBe(Date.UTC(2021, 9, 31, 0, 30));
    expect(berlin('2021-10-31 03:30')).toBe(Date.UTC(2021, 9, 31, 2, 30));
  });
  it('America/New_York and a southern zone', () => {
    expect(timestampParser('iso8601', 'America/New_York')('2021-03-14 12:00')).toBe(Date.UTC(2021, 2, 14, 16));
    expect(timestampParser('iso8601', 'America/New_York')('2021-03-13 12:00')).toBe(Date.UTC(2021, 2, 13, 17));
    expect(timestampParser('iso8601', 'Australia/Sydney')('2021-01-10 12:00')).toBe(Date.UTC(2021, 0, 10, 1));
  });
  it('a million naive values stay fast thanks to the per-hour offset cache', () => {
    const parse = timestampBytesParser('iso8601', 'Europe/Berlin');
    const text = new TextEncoder().encode('2021-03-28 02:30:00');
    const t0 = performance.now();
    let sum = 0;
    for (let i = 0; i < 200_000; i++) sum += parse(text, 0, text.length);
    expect(sum / 200_000).toBe(Date.UTC(2021, 2, 28, 1, 30));
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('format inference', () => {
  it('ISO with offsets', () => {
    const guess = inferTimestampFormat(['2010-12-30 14:32:00+01:00', '2011-01-06 09:18:00+01:00']);
    expect(guess).toMatchObject({ id: 'iso8601', parsedShare: 1, hasOffset: true, label: 'YYYY-MM-DD HH:MM:SS±HH:MM' });
  });
  it('naive ISO with T and Z-less', () => {
    expect(inferTimestampFormat(['2010-12-30T14:32:00'])).toMatchObject({
      id: 'iso8601',
      hasOffset: false,
      label: 'YYYY-MM-DDTHH:MM:SS',
    });
  });
  it('each other format', () => {
    expect(inferTimestampFormat(['2019/11/03 01:11:19.000'])).toMatchObject({
      id: 'ymd-slash',
      label: 'YYYY/MM/DD HH:MM:SS.sss',
    });
    expect(inferTimestampFormat(['30.12.2010 11:02'])).toMatchObject({ id: 'dmy-dot', label: 'DD.MM.YYYY HH:MM' });
    expect(inferTimestampFormat(['1293703320', '1293703380'])).toMatchObject({ id: 'epoch-s', hasOffset: true });
    expect(inferTimestampFormat(['1293703320000'])).toMatchObject({ id: 'epoch-ms' });
    expect(inferTimestampFormat(['50', '400', 'Pete'])).toBeNull();
    expect(inferTimestampFormat(['', '  '])).toBeNull();
  });
  it('day/month: a first field above 12 means DD/MM', () => {
    const guess = inferTimestampFormat(['01/02/2021 10:00', '23/04/2021 10:00', '05/06/2021 10:00']);
    expect(guess?.id).toBe('dmy-slash');
    expect(guess?.note).toBe('Day/month order: DD/MM, because values like 23/04/2021 exist.');
  });
  it('day/month: a second field above 12 means MM/DD', () => {
    const guess = inferTimestampFormat(['01/02/2021', '04/23/2021']);
    expect(guess?.id).toBe('mdy-slash');
    expect(guess?.note).toContain('MM/DD, because values like 04/23/2021 exist');
  });
  it('day/month undecidable: DD/MM assumed and said', () => {
    const guess = inferTimestampFormat(['01/02/2021', '03/04/2021']);
    expect(guess?.id).toBe('dmy-slash');
    expect(guess?.note).toMatch(/could not be decided.*assumed DD\/MM/);
  });
  it('values that do not start with a digit count in the share but read as nothing', () => {
    const guess = inferTimestampFormat([' 2021-03-04 10:00', 'C17', '2021-03-05', 'T10:00', '\u00e92021-03-06']);
    expect(guess).toMatchObject({ id: 'iso8601', parsedShare: 0.4, label: 'YYYY-MM-DD HH:MM' });
    // A long value after short ones, then a short one: each read sees only its own bytes.
    const long = `2021-03-04 10:00:00.${'1'.repeat(200)}`;
    expect(inferTimestampFormat([long, '2021-03-05'])).toMatchObject({ id: 'iso8601', parsedShare: 1 });
    expect(inferTimestampFormat(['2021-03-04 10:00:00Z', '2021-03-05'])).toMatchObject({
      parsedShare: 1,
      hasOffset: false,
    });
  });
  it('mixed formats: the majority wins, share says how many read', () => {
    const guess = inferTimestampFormat([
      '2021-01-01 10:00',
      '2021-01-02 10:00',
      '2021-01-03 10:00',
      '04.01.2021 10:00',
    ]);
    expect(guess).toMatchObject({ id: 'iso8601', parsedShare: 0.75 });
  });
});
