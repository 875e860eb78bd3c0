import type { TaskResult } from './task.ts';

/**
 * Each side of a comparison runs `repeat` times, the sides alternating, and its fastest run
 * counts: load from other jobs on a shared machine only ever slows a run down. The wall times of
 * all runs are kept in `runs`.
 */
export async function fastestOfAlternating(
  tasks: (() => Promise<TaskResult>)[],
  repeat: number,
): Promise<TaskResult[]> {
  const best: (TaskResult | undefined)[] = tasks.map(() => undefined);
  for (let k = 0; k < repeat; k++) {
    for (let i = 0; i < tasks.length; i++) {
      const run = await tasks[i]();
      const previous = best[i];
      const runs = [...((previous?.runs as number[] | undefined) ?? []), run.seconds];
      best[i] = { ...(previous && previous.seconds <= run.seconds ? previous : run), runs };
    }
  }
  return best as TaskResult[];
}
