/**
 * A benchmark task runs in its own child process so that its peak RSS is its own, and reports
 * one JSON object as the last line of stdout.
 */
export interface TaskResult {
  /** Wall-clock seconds of the measured work only (not process start or module loading). */
  seconds: number;
  /** Peak resident set size of the task's process (VmHWM), bytes. */
  peakRssBytes: number;
  /** CPU seconds (user + system, all threads) of the measured work: less sensitive than wall time to other load on the machine. */
  cpuSeconds: number;
  /** RSS just before the measured work started, bytes (Node and loaded modules). */
  baselineRssBytes: number;
  [key: string]: unknown;
}

export const RESULT_MARKER = '@@bench-result ';

export function reportResult(result: Omit<TaskResult, 'peakRssBytes'>): void {
  const full: TaskResult = { ...result, peakRssBytes: process.resourceUsage().maxRSS * 1024 } as TaskResult;
  process.stdout.write(`\n${RESULT_MARKER}${JSON.stringify(full)}\n`);
}

/** Runs `work` as the measured part of a task and reports its time and memory. */
export async function measureTask(
  work: () => Promise<Record<string, unknown>> | Record<string, unknown>,
): Promise<void> {
  try {
    const baselineRssBytes = process.memoryUsage().rss;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const extra = await work();
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    reportResult({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, baselineRssBytes, ...extra });
  } catch (e) {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exit(1);
  }
}
