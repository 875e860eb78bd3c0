import type { ParsedArgs } from './args.ts';
import { has, requirePositional } from './args.ts';
import { printJson, type CliApi, type Command } from './command.ts';

/** A command that reads one report of a workspace's log and prints it as text, or as JSON under --json. */
export interface LogReportSpec<T> extends Omit<Command, 'run' | 'switches'> {
  /** The contract call behind the report, on the workspace named first on the command line. */
  fetch(api: CliApi, workspace: string, args: ParsedArgs): Promise<T>;
  /** What --json prints (default: the report as the contract returns it). */
  json?(report: T): unknown;
  /** The report in words, one or more lines. */
  text(report: T): string;
}

/**
 * `gemba NAME WS [options] [--json]`: the opening every report command shares (the workspace
 * argument, --json, the call) written once, so a command says only which call and which words.
 */
export function logReportCommand<T>(spec: LogReportSpec<T>): Command {
  const { fetch, json, text, ...command } = spec;
  return {
    ...command,
    switches: ['json'],
    async run(args, ctx) {
      const report = await fetch(ctx.api, requirePositional(args, 0, 'the workspace', spec.usage), args);
      if (has(args, 'json')) printJson(ctx, json ? json(report) : report);
      else ctx.stdout.write(`${text(report)}\n`);
    },
  };
}
