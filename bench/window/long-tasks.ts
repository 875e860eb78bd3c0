/**
 * Long tasks of the window, sorted into the phases of a user's session (bench/window.bench.ts).
 * A long task is a stretch of main-thread work of 50 ms or more, as Chrome's PerformanceObserver
 * reports it (entry type 'longtask'); while one runs, the window takes no click, key or repaint.
 */

/** One long task as the page saw it: start and length in ms on the page's performance clock. */
export interface LongTask {
  start: number;
  duration: number;
}

/** A phase of the session: the tasks that started in [start, end) on the page's clock belong to it. */
export interface Phase {
  name: string;
  start: number;
  end: number;
}

export interface PhaseLongTasks {
  phase: string;
  /** The phase's length in ms. */
  ms: number;
  /** Longest task in ms; 0 when the phase had none. */
  longestMs: number;
  /** Tasks longer than the goal (200 ms): the window froze visibly. */
  over200: number;
  /** Tasks of 50 ms or more: every task Chrome counts as long. */
  over50: number;
  /** Main-thread time spent in long tasks, ms. */
  blockedMs: number;
  tasks: LongTask[];
}

/** The goal of issue 11: no main-thread task longer than this. */
export const GOAL_MS = 200;

/** Sorts tasks into phases by their start; a task outside every phase is dropped. */
export function longTasksByPhase(tasks: readonly LongTask[], phases: readonly Phase[]): PhaseLongTasks[] {
  return phases.map((phase) => {
    const mine = tasks
      .filter((t) => t.start >= phase.start && t.start < phase.end)
      .sort((a, b) => a.start - b.start)
      .map((t) => ({ start: round1(t.start), duration: round1(t.duration) }));
    return {
      phase: phase.name,
      ms: round1(phase.end - phase.start),
      longestMs: mine.reduce((m, t) => Math.max(m, t.duration), 0),
      over200: mine.filter((t) => t.duration > GOAL_MS).length,
      over50: mine.filter((t) => t.duration >= 50).length,
      blockedMs: round1(mine.reduce((s, t) => s + t.duration, 0)),
      tasks: mine,
    };
  });
}

/** Back-to-back phases from marks: mark i starts phase i, mark i+1 ends it. */
export function phasesBetween(marks: readonly { name: string; at: number }[], end: number): Phase[] {
  return marks.map((m, i) => ({ name: m.name, start: m.at, end: i + 1 < marks.length ? marks[i + 1].at : end }));
}

const round1 = (x: number) => Math.round(x * 10) / 10;
