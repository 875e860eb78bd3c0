import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './child.ts';

/** A whole process as GNU time saw it: wall and CPU seconds, peak resident memory. */
export interface ProcessRun {
  wall: number;
  cpu: number;
  peakMiB: number;
}

const TIME = '/usr/bin/time';

/**
 * Runs one whole process under GNU time (`/usr/bin/time`), from the repository's folder, so
 * start-up, reading and printing all count as a user meets them; a failed command fails the bench.
 */
export function timed(argv: string[]): ProcessRun & { stdout: string } {
  if (!existsSync(TIME))
    throw new Error('This bench times processes with GNU time: install it (Debian: apt-get install time).');
  const folder = mkdtempSync(join(tmpdir(), 'gemba-timed-'));
  try {
    const out = join(folder, 'time.txt');
    const run = spawnSync(TIME, ['-f', '%e %U %S %M', '-o', out, ...argv], {
      cwd: REPO,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    if (run.status !== 0) throw new Error(`${argv.join(' ')} failed (exit ${run.status}):\n${run.stderr.slice(-2000)}`);
    const [wall, user, sys, kb] = readFileSync(out, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    return { wall, cpu: user + sys, peakMiB: kb / 1024, stdout: run.stdout };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The `gemba` command as a user runs it (bin/gemba.mjs: the prebuilt bundle). */
export const GEMBA = [process.execPath, join(REPO, 'bin', 'gemba.mjs')];
