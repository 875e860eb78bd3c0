import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeInputError, InputError, ReportedError } from '../engine/errors.ts';
import { parseArgs } from './args.ts';
import type { CommandContext } from './command.ts';
import { COMMANDS } from './commands/index.ts';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

/**
 * `gemba COMMAND …`: the command line over the same engine the app uses. Bad input exits 2 with
 * one paragraph on stderr (file, line, column, what is wrong, what to do); our own faults exit 1
 * with a one-line message (set GEMBA_DEBUG=1 for the stack).
 */
export async function runCli(
  argv: readonly string[],
  io: Pick<CommandContext, 'stdout' | 'stderr'> = process,
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(helpText());
    return name ? EXIT_OK : EXIT_BAD_INPUT;
  }
  // Loaded here, not at the top: `gemba help` and a mistyped command answer without opening the
  // engine (SQLite, Arrow and the rest), which is most of a command's start-up.
  const [{ LocalEngine }, { runOnThread }] = await Promise.all([
    import('../service/local-engine.ts'),
    import('../worker/job-thread.ts'),
  ]);
  const engine = new LocalEngine(
    { mode: 'cli', userDataDir: process.env.GEMBA_USER_DATA ?? join(tmpdir(), 'gemba-cli') },
    runOnThread,
  );
  try {
    const command = COMMANDS.find((c) => c.name === name);
    if (!command)
      throw new InputError(`Unknown command "${name}".`, {
        hint: `Commands: ${COMMANDS.map((c) => c.name).join(', ')}. Run "gemba help".`,
      });
    await command.run(parseArgs(rest, command.valueFlags, command.switches), { api: engine, engine, ...io });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr.write(`${describeInputError(error)}\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof ReportedError && error.report.kind === 'input') {
      io.stderr.write(`${describeInputError(new InputError(error.report.message, error.report))}\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof ReportedError) {
      // Already worded for the user by the service (a failed job): "Internal error: …" and its hint.
      io.stderr.write(`${[error.report.message, error.report.hint].filter(Boolean).join('. ')}\n`);
      return EXIT_INTERNAL;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`Internal error: ${message}. This is a bug in Gemba; the workspace was not changed.\n`);
    if (process.env.GEMBA_DEBUG) io.stderr.write(`${(error as Error).stack}\n`);
    return EXIT_INTERNAL;
  } finally {
    await engine.close();
  }
}

function helpText(): string {
  return [
    'gemba — offline process-mining workbench, command line',
    '',
    ...COMMANDS.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
    '',
    'Exit codes: 0 success, 2 bad input (message on stderr), 1 internal error.',
    '',
  ].join('\n');
}
