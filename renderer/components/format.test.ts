import { describe, expect, it } from 'vitest';
import {
  countWithUnit,
  createTimeFormat,
  progressPercent,
  formatBytes,
  formatCount,
  formatDuration,
  formatTimeLeft,
  formatTimestamp,
  formatTimestampIn,
  knownZone,
  plural,
} from './format.ts';

describe('formatDuration', () => {
  it('reads in the largest useful units', () => {
    expect(formatDuration(0.25)).toBe('250 ms');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(90)).toBe('1 min 30 s');
    expect(formatDuration(3 * 3600 + 12 * 60)).toBe('3 h 12 min');
    expect(formatDuration(2 * 86400 + 4 * 3600 + 59)).toBe('2 d 4 h');
    expect(formatDuration(86400)).toBe('1 d');
  });

  it('long durations: whole days with thousands separators (issue 12: "110401 d 1 h")', () => {
    expect(formatDuration(110401 * 86400 + 3600)).toBe('110,401 d');
    expect(formatDuration(99 * 86400 + 5 * 3600)).toBe('99 d 5 h');
    expect(formatDuration(100 * 86400 + 13 * 3600)).toBe('101 d');
    expect(formatDuration(-1500 * 86400)).toBe('-1,500 d');
  });

  it('rounds to the smaller unit instead of cutting it off', () => {
    // 1.497 d = 1 d + 0.497 × 24 h = 1 d 11.928 h → 1 d 12 h
    expect(formatDuration(1.497 * 86400)).toBe('1 d 12 h');
    // 2 h 29 min 40 s → 2 h 30 min; 1 min 29.6 s → 1 min 30 s
    expect(formatDuration(2 * 3600 + 29 * 60 + 40)).toBe('2 h 30 min');
    expect(formatDuration(89.6)).toBe('1 min 30 s');
    expect(formatDuration(44.6)).toBe('45 s');
  });

  it('carries a rounded-up small unit into the big one', () => {
    expect(formatDuration(86400 - 60)).toBe('1 d'); // 23 h 59 min rounds to 24 h
    expect(formatDuration(3600 - 10)).toBe('1 h'); // 59 min 50 s rounds to 60 min
    expect(formatDuration(59.7)).toBe('1 min');
    expect(formatDuration(0.9996)).toBe('1 s');
    expect(formatDuration(3 * 86400 + 23.6 * 3600)).toBe('4 d');
  });

  it('never says "0 ms" for a time that is not nothing', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(0.0002)).toBe('< 1 ms');
    expect(formatDuration(0.0015)).toBe('2 ms');
    expect(formatDuration(-90)).toBe('-1 min 30 s');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});

describe('formatTimeLeft', () => {
  it('says less than a second instead of a zero duration', () => {
    expect(formatTimeLeft(0)).toBe('less than a second left');
    expect(formatTimeLeft(0.4)).toBe('less than a second left');
    expect(formatTimeLeft(75)).toBe('about 1 min 15 s left');
  });
});

describe('progressPercent', () => {
  it('rounds down and clamps, so 100 means done', () => {
    expect(progressPercent(0.776)).toBe(77);
    expect(progressPercent(0.999)).toBe(99);
    expect(progressPercent(1)).toBe(100);
    expect(progressPercent(0.29)).toBe(29); // 0.29 × 100 is 28.999… in binary
    expect(progressPercent(1.2)).toBe(100);
    expect(progressPercent(-0.1)).toBe(0);
    expect(progressPercent(Number.NaN)).toBe(0);
  });
});

describe('plural', () => {
  it('uses the singular for exactly one, the plural otherwise', () => {
    expect(plural(1, 'case')).toBe('1 case');
    expect(plural(0, 'case')).toBe('0 cases');
    expect(plural(2, 'note')).toBe('2 notes');
    expect(plural(8577, 'event')).toBe('8,577 events');
    expect(plural(1, 'activity', 'activities')).toBe('1 activity');
    expect(plural(3, 'activity', 'activities')).toBe('3 activities');
  });
});

describe('countWithUnit', () => {
  it('makes the head noun of an engine unit singular for one', () => {
    expect(countWithUnit(1, 'events out of order')).toBe('1 event out of order');
    expect(countWithUnit(1, 'repeated events')).toBe('1 repeated event');
    expect(countWithUnit(1, 'rows set aside')).toBe('1 row set aside');
    expect(countWithUnit(1, 'places an event may be missing')).toBe('1 place an event may be missing');
    expect(countWithUnit(1, 'activities')).toBe('1 activity');
    expect(countWithUnit(1, 'events with a variant label')).toBe('1 event with a variant label');
    expect(countWithUnit(2, 'events out of order')).toBe('2 events out of order');
    expect(countWithUnit(0, 'cases')).toBe('0 cases');
  });
});

describe('formatTimestamp', () => {
  it('shows UTC and keeps milliseconds only when present', () => {
    expect(formatTimestamp('2010-12-30T10:02:00+01:00')).toBe('2010-12-30 09:02:00');
    expect(formatTimestamp('2019-11-03T01:11:19.250Z')).toBe('2019-11-03 01:11:19.250');
    expect(formatTimestamp(null)).toBe('—');
  });
});

describe('timestamps in a time zone', () => {
  it('shows the wall clock of the zone, daylight saving included', () => {
    // Berlin is UTC+1 in winter and UTC+2 in summer (CEST); New York UTC-5 / UTC-4.
    expect(formatTimestampIn('2010-12-30T13:32:00Z', 'Europe/Berlin')).toBe('2010-12-30 14:32:00');
    expect(formatTimestampIn('2011-07-01T22:15:30Z', 'Europe/Berlin')).toBe('2011-07-02 00:15:30');
    expect(formatTimestampIn('2011-07-01T02:00:00.5Z', 'America/New_York')).toBe('2011-06-30 22:00:00.500');
    expect(formatTimestampIn('2011-07-01T02:00:00Z', 'UTC')).toBe('2011-07-01 02:00:00');
    // Midnight must read 00, not 24 (hourCycle h23).
    expect(formatTimestampIn('2011-01-01T23:00:00Z', 'Europe/Berlin')).toBe('2011-01-02 00:00:00');
  });

  it('names the zone once and keeps the stored instant for tooltips', () => {
    const times = createTimeFormat('Europe/Berlin');
    expect(times.caption).toBe('Times in Europe/Berlin');
    expect(times.moment('2010-12-30T13:32:45Z')).toBe('2010-12-30 14:32');
    expect(times.second('2010-12-30T13:32:45.125Z')).toBe('2010-12-30 14:32:45');
    expect(times.date('2010-12-30T23:30:00Z')).toBe('2010-12-31');
    expect(times.title('2010-12-30T14:32:00+01:00')).toBe('2010-12-30T13:32:00.000Z (UTC)');
    expect(times.timestamp(null)).toBe('—');
  });

  it('falls back to UTC for a zone the platform does not know', () => {
    expect(knownZone('Mars/Olympus_Mons')).toBe('UTC');
    expect(knownZone(undefined)).toBe('UTC');
    expect(createTimeFormat('Mars/Olympus_Mons').caption).toBe('Times in UTC');
  });
});

describe('formatCount and formatBytes', () => {
  it('groups thousands and scales bytes', () => {
    expect(formatCount(8577)).toBe('8,577');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(30 * 1024 * 1024)).toBe('30.0 MB');
  });
});
