import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** One running `npm run serve` host, as the tests see it. */
export interface GembaHost {
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  token: string;
  /** The printed URL: sets the cookie and redirects to the UI. */
  loginUrl: string;
  userDataDir: string;
  workspacesDir: string;
  process: ChildProcess;
  /** Everything the host printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const URL_LINE = /(http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+))/;

/**
 * Starts the real host (bin/serve.mjs, the same entry as `npm run serve`) on a free port with
 * fresh temp folders, and waits for its one printed line. `extraArgs` go to serve.mjs (a bench
 * serves another build of the UI with --renderer-dir).
 */
export async function startGembaHost(
  extraEnv: NodeJS.ProcessEnv = {},
  extraArgs: readonly string[] = [],
): Promise<GembaHost> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'gemba-e2e-'));
  const userDataDir = path.join(root, 'user-data');
  const workspacesDir = path.join(root, 'workspaces');
  const child = spawn(
    process.execPath,
    [
      path.join(REPO_ROOT, 'bin', 'serve.mjs'),
      '--port',
      '0',
      '--user-data-dir',
      userDataDir,
      '--workspaces',
      workspacesDir,
      ...extraArgs,
    ],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, GEMBA_WORKSPACES: workspacesDir, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));

  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The Gemba host printed no URL within 60 s:\n${output}`)), 60_000);
    const check = () => {
      const m = URL_LINE.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The Gemba host exited with code ${code} before printing its URL:\n${output}`));
    });
  });
  const port = Number(match[2]);
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    token: match[3]!,
    loginUrl: match[1]!,
    userDataDir,
    workspacesDir,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timeout = new Promise<void>((resolve) => setTimeout(resolve, 5_000));
        await Promise.race([exited, timeout]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** True for requests that stay on this host: its own origin, or in-page data/blob URLs. */
export function isLocalRequest(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    const parsed = new URL(url);
    return parsed.origin === origin;
  } catch {
    return false;
  }
}
