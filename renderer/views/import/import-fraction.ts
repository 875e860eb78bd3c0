/**
 * One bar for the whole import. The engine reports each phase on its own scale (bytes while
 * reading, then single steps for checking and saving), so a bar per phase ran to 100% while
 * reading and then fell back to 0%. Here each phase owns a band of the one bar, sized by what it
 * takes on typical logs (measured on the 100k-event bench logs: reading ≈ 75–90% of the time,
 * checking ≈ 5%, saving 8–20%), and the bar never moves backwards.
 */
const BANDS: Record<string, [number, number]> = {
  queued: [0, 0],
  reading: [0, 0.8],
  checking: [0.8, 0.85],
  saving: [0.85, 1],
};

/** The share of the whole import done after this progress event of `phase`, 0..1. */
export function importFraction(phase: string, done: number, total: number): number | null {
  const band = BANDS[phase];
  if (!band) return null;
  const within = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  return band[0] + (band[1] - band[0]) * within;
}

/** Keeps the bar monotonic over a job: an unknown phase or a late event never moves it back. */
export function createImportFraction(): (phase: string, done: number, total: number) => number | null {
  let last: number | null = null;
  return (phase, done, total) => {
    const next = importFraction(phase, done, total);
    if (next !== null) last = last === null ? next : Math.max(last, next);
    return last;
  };
}
