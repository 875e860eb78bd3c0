import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../engine/errors.ts';
import { calendarFrom, filtersFrom } from './log-options.ts';

const dir = mkdtempSync(join(tmpdir(), 'gemba-log-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const args = (name: string, value: string) => ({
  positionals: [],
  flags: new Map<string, string | true>([[name, value]]),
});
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('calendarFrom', () => {
  it('gives a calendar example, not a filter one, for a calendar file that is not JSON', () => {
    const error = inputError(() => calendarFrom(args('calendar', file('broken.json', '{"weekdays": [1,2,'))));
    expect(error.message).toMatch(/broken\.json is not valid JSON/u);
    expect(error.details.hint).toMatch(/"startHour"/u);
    expect(error.details.hint).not.toMatch(/--filter/u);
  });

  it('refuses null and impossible dates, and fills in holidays and the zone', () => {
    expect(inputError(() => calendarFrom(args('calendar', file('null.json', 'null')))).message).toMatch(
      /expected a JSON object/u,
    );
    expect(
      inputError(() =>
        calendarFrom(
          args('calendar', file('feb.json', '{"weekdays":[1],"startHour":8,"endHour":17,"holidays":["2024-02-31"]}')),
        ),
      ).message,
    ).toMatch(/2024-02-31/u);
    const calendar = calendarFrom(
      args('calendar', file('ok.json', '{"weekdays":[1],"startHour":8,"endHour":17,"timezone":"Europe/Berlin"}')),
    );
    expect(calendar).toEqual({ weekdays: [1], startHour: 8, endHour: 17, holidays: [], timezone: 'Europe/Berlin' });
  });
});

describe('filtersFrom', () => {
  it('keeps the filter example for a filter that is not JSON', () => {
    expect(inputError(() => filtersFrom(args('filter', '{kind'))).details.hint).toMatch(/--filter/u);
  });
});
