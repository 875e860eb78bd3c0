import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RESULT_MARKER, type TaskResult } from './task.ts';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs `bench/tasks/<task>.ts` in a fresh Node process (through tsx) and returns its result.
 * While it runs, VmHWM is also sampled from /proc as a cross-check of the child's own figure.
 */
export async function runTask(
  task: string,
  args: string[],
  options: { maxOldSpaceMb?: number } = {},
): Promise<TaskResult> {
  const nodeArgs = ['--import', 'tsx'];
  if (options.maxOldSpaceMb) nodeArgs.push(`--max-old-space-size=${options.maxOldSpaceMb}`);
  const child = spawn(process.execPath, [...nodeArgs, `bench/tasks/${task}.ts`, ...args], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let sampledHwm = 0;
  const sampler = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) sampledHwm = Math.max(sampledHwm, Number(m[1]) * 1024);
    } catch {
      /* the process has ended or /proc is not there */
    }
  }, 200);
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code: number = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  clearInterval(sampler);
  const line = out.split('\n').find((l) => l.startsWith(RESULT_MARKER));
  if (code !== 0 || !line)
    throw new Error(`task ${task} ${args.join(' ')} failed (exit ${code}):\n${err.slice(-4000) || out.slice(-2000)}`);
  const result = JSON.parse(line.slice(RESULT_MARKER.length)) as TaskResult;
  result.peakRssBytes = Math.max(result.peakRssBytes, sampledHwm);
  return result;
}
