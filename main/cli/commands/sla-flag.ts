import { InputError } from '../../engine/errors.ts';
import { flag, type ParsedArgs } from '../args.ts';

/** --sla HOURS as a positive number, or null when absent. */
export function slaHoursOf(args: ParsedArgs): number | null {
  const text = flag(args, 'sla');
  if (text === undefined) return null;
  const hours = Number(text);
  if (!(hours > 0) || !Number.isFinite(hours))
    throw new InputError(`--sla must be a positive number of hours, not "${text}".`, {
      hint: 'For example --sla 72 for three days.',
    });
  return hours;
}
