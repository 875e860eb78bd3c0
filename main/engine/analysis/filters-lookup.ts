import type { AttributeColumn, EventLog } from '../eventlog/index.ts';
import { InputError } from '../errors.ts';

/** Look-ups every filter kind shares: an activity's code, an attribute column, an instant. */

export function parseInstant(text: string | number, what: string): number {
  const ms = typeof text === 'number' ? text : Date.parse(text);
  if (Number.isNaN(ms))
    throw new InputError(`Time range filter: "${text}" (${what}) is not a date.`, {
      hint: 'Write dates as ISO 8601, e.g. 2024-03-01T00:00:00Z.',
    });
  return ms;
}

export function activityCode(log: EventLog, name: string): number {
  const code = log.activities.indexOf(name);
  if (code < 0) {
    throw new InputError(`Filter: activity "${name}" does not occur in the log.`, {
      hint: `Known activities include: ${log.activities.slice(0, 8).join(', ')}${log.activities.length > 8 ? ', …' : ''}.`,
    });
  }
  return code;
}

export function findColumn(
  columns: readonly AttributeColumn[],
  name: string,
  level: 'case' | 'event',
): AttributeColumn {
  const column = columns.find((col) => col.name === name);
  if (!column) {
    throw new InputError(`Filter: the log has no ${level} attribute "${name}".`, {
      hint: columns.length
        ? `Its ${level} attributes are: ${columns.map((col) => col.name).join(', ')}.`
        : `The log has no ${level} attributes.`,
    });
  }
  return column;
}
