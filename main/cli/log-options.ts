import { readFileSync } from 'node:fs';
import type { LogFilter, WorkingCalendar } from '../../preload/api.ts';
import { validateCalendar } from '../engine/analysis/index.ts';
import { parseLogFilters } from '../engine/analysis/index.ts';
import { InputError } from '../engine/errors.ts';
import { machineTimeZone } from '../engine/import/timestamps/index.ts';
import { flag, type ParsedArgs } from './args.ts';

/** `--filter JSON`: one filter object or an array of them, inline or as @file.json. */
export function filtersFrom(args: ParsedArgs): LogFilter[] {
  const text = flag(args, 'filter');
  if (text === undefined) return [];
  const source = text.startsWith('@') ? text.slice(1) : '--filter';
  return parseLogFilters(
    parseJson(text.startsWith('@') ? readText(text.slice(1)) : text, source, FILTER_EXAMPLE),
    source,
  );
}

/** `--calendar FILE`: a WorkingCalendar as JSON; hours are in the machine's zone unless it names one, as in the app. */
export function calendarFrom(args: ParsedArgs): WorkingCalendar | null {
  const file = flag(args, 'calendar');
  if (file === undefined) return null;
  const calendar = validateCalendar(parseJson(readText(file), file, CALENDAR_EXAMPLE), file);
  return { ...calendar, timezone: calendar.timezone ?? machineTimeZone() };
}

const FILTER_EXAMPLE = `Example: --filter '{"kind":"activities","activities":["decide"],"mode":"any"}'`;
const CALENDAR_EXAMPLE =
  'A calendar file looks like {"weekdays": [1,2,3,4,5], "startHour": 8, "endHour": 17, "holidays": ["2024-12-25"], "timezone": "Europe/Berlin"}.';

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`, { file });
  }
}

function parseJson(text: string, source: string, hint: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${source} is not valid JSON: ${(error as Error).message}.`, { file: source, hint });
  }
}
