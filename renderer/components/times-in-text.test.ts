import { describe, expect, it } from 'vitest';
import { createTimeFormat } from './format.ts';
import { splitTimes } from './times-in-text.ts';

describe('splitTimes', () => {
  it('takes the ISO instants out of a message, keeping the words around them', () => {
    expect(splitTimes('"decide" at 2011-01-06T11:18:00.000Z, 2 min after the previous event')).toEqual([
      { text: '"decide" at ' },
      { iso: '2011-01-06T11:18:00.000Z' },
      { text: ', 2 min after the previous event' },
    ]);
  });

  it('finds several instants, with offsets and without seconds', () => {
    expect(splitTimes('2011-01-06T11:18Z → 2011-01-07T08:00:05+01:00')).toEqual([
      { iso: '2011-01-06T11:18Z' },
      { text: ' → ' },
      { iso: '2011-01-07T08:00:05+01:00' },
    ]);
  });

  it('leaves bare dates, times without a zone and impossible dates as written', () => {
    expect(splitTimes('midnight (2011-01-06) and 2011-01-06T11:18:00 local')).toEqual([
      { text: 'midnight (2011-01-06) and 2011-01-06T11:18:00 local' },
    ]);
    expect(splitTimes('at 2011-13-45T99:99:00Z')).toEqual([{ text: 'at 2011-13-45T99:99:00Z' }]);
    expect(splitTimes('')).toEqual([]);
  });

  it('gives instants that read like the rest of the UI once formatted', () => {
    // 11:18 UTC is 12:18 in Berlin in January (CET, UTC+1).
    const berlin = createTimeFormat('Europe/Berlin');
    const shown = splitTimes('at 2011-01-06T11:18:00.000Z').map((p) => ('iso' in p ? berlin.timestamp(p.iso) : p.text));
    expect(shown.join('')).toBe('at 2011-01-06 12:18:00');
  });
});
