import { InputError } from '../engine/errors.ts';

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
  /** Every value of a value flag given more than once (`--end-activity A --end-activity B`), in order. */
  repeated?: Map<string, string[]>;
}

/**
 * `--name value`, `--name=value` and bare `--switch`. Which flags take a value is declared by
 * the command, so `--json FILE` never swallows a positional by accident.
 */
export function parseArgs(
  argv: readonly string[],
  valueFlags: readonly string[],
  switches: readonly string[],
): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  const repeated = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (valueFlags.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--'))) {
        throw new InputError(`The option --${name} needs a value.`, { hint: `Write --${name} VALUE.` });
      }
      flags.set(name, value);
      repeated.set(name, [...(repeated.get(name) ?? []), value]);
    } else if (switches.includes(name)) {
      if (eq >= 0) throw new InputError(`The option --${name} takes no value.`);
      flags.set(name, true);
    } else {
      const known = [...valueFlags, ...switches].map((f) => `--${f}`).join(', ');
      throw new InputError(`Unknown option --${name}.`, {
        hint: known ? `Known options: ${known}.` : 'This command takes no options.',
      });
    }
  }
  return { positionals, flags, repeated };
}

/** All values of a flag that may be repeated; empty when absent. */
export function flagValues(args: ParsedArgs, name: string): string[] {
  return args.repeated?.get(name) ?? (typeof args.flags.get(name) === 'string' ? [args.flags.get(name) as string] : []);
}

export function flag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}

export function has(args: ParsedArgs, name: string): boolean {
  return args.flags.has(name);
}

/** A number option within [min, max]. */
export function numberFlag(args: ParsedArgs, name: string, fallback: number, min: number, max: number): number {
  const text = flag(args, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new InputError(`--${name} must be a number from ${min} to ${max}, not "${text}".`);
  }
  return value;
}

export function requirePositional(args: ParsedArgs, index: number, what: string, usage: string): string {
  const value = args.positionals[index];
  if (value === undefined) throw new InputError(`Missing ${what}.`, { hint: `Usage: ${usage}` });
  return value;
}
