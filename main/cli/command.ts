import type { GembaApi, JobEvent } from '../../preload/api.ts';
import type { LocalEngine } from '../service/local-engine.ts';

/** The contract as the CLI calls it: every GembaApi call plus the job events it waits on. */
export interface CliApi extends GembaApi {
  onJobEvent(listener: (event: JobEvent) => void): () => void;
}

/** What a command may use: the API (the same calls the app makes) and the output streams. */
export interface CommandContext {
  api: CliApi;
  /**
   * The service itself, for commands that still need more than the contract offers (export,
   * predict, train): move them to `api` when their calls land there.
   */
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
