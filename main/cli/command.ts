import type { LocalEngine } from '../service/local-engine.ts';

/** What a command may use: the engine (the same calls the app makes) and the output streams. */
export interface CommandContext {
  engine: LocalEngine;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  valueFlags: readonly string[];
  switches: readonly string[];
  run(argv: import('./args.ts').ParsedArgs, ctx: CommandContext): Promise<void>;
}

export function printJson(ctx: CommandContext, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
