import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createEngineService } from '../worker/engine-service.ts';
import { describeInputError, InputError } from '../engine/errors.ts';
import { startLocalHost } from './local-host.ts';
import { parseServeArgs } from './serve-options.ts';

/** `npm run serve`: the browser mode. Prints one line with the tokenized URL and keeps running. */
async function main(): Promise<void> {
  const options = parseServeArgs(process.argv.slice(2));
  if (!existsSync(path.join(options.rendererDir, 'index.html'))) {
    throw new InputError(`The UI is not built yet (no index.html in ${options.rendererDir}).`, {
      hint: 'Run "npm run serve" (it builds the UI first) or "node scripts/build.mjs --renderer".',
    });
  }
  await mkdir(options.userDataDir, { recursive: true });
  const service = createEngineService({
    mode: 'browser',
    userDataDir: options.userDataDir,
    defaultWorkspaceDir: options.workspacesDir,
  });
  const host = await startLocalHost({ service, rendererDir: options.rendererDir, port: options.port });
  process.stdout.write(`Gemba is running at ${host.loginUrl} (open this URL in your browser; Ctrl+C stops it)\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await service.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  if (error instanceof InputError) {
    process.stderr.write(`${describeInputError(error)}\n`);
    process.exit(2);
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') {
    process.stderr.write('That port is already in use. Leave out --port to pick a free one.\n');
    process.exit(2);
  }
  process.stderr.write(
    `Gemba could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
