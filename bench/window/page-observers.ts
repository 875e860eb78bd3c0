/**
 * What the bench installs in the page before the app's own script runs (page.addInitScript):
 * PerformanceObservers for long tasks, paints and long animation frames (buffered, so nothing
 * before the observer is lost), and the moment the first screen's named control appears.
 * A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
 */
export const OBSERVERS_SCRIPT = `(() => {
  const seen = { longTasks: [], paints: [], frames: [], usableAt: null };
  window.__gembaWindow = seen;
  const observe = (type, take) => {
    try {
      new PerformanceObserver((list) => { for (const e of list.getEntries()) take(e); }).observe({ type, buffered: true });
    } catch (e) {
      seen[type + 'Unsupported'] = String(e);
    }
  };
  observe('longtask', (e) => seen.longTasks.push({ start: e.startTime, duration: e.duration }));
  observe('paint', (e) => seen.paints.push({ name: e.name, at: e.startTime }));
  // Long animation frames name the scripts that ran in them: the first lead to a long task's cause.
  observe('long-animation-frame', (e) =>
    seen.frames.push({
      start: e.startTime,
      duration: e.duration,
      blockingDuration: e.blockingDuration,
      scripts: (e.scripts || []).map((s) => ({
        invoker: s.invoker,
        sourceURL: s.sourceURL,
        sourceFunctionName: s.sourceFunctionName,
        sourceCharPosition: s.sourceCharPosition,
        duration: s.duration,
        forcedStyleAndLayoutDuration: s.forcedStyleAndLayoutDuration,
      })),
    }),
  );
  // The first screen is usable when its first control is in the page and laid out.
  const control = '[data-testid="new-workspace-input"]';
  const check = () => {
    if (seen.usableAt !== null) return true;
    const el = document.querySelector(control);
    if (el && el.getClientRects().length > 0) {
      seen.usableAt = performance.now();
      return true;
    }
    return false;
  };
  const watcher = new MutationObserver(() => { if (check()) watcher.disconnect(); });
  watcher.observe(document, { childList: true, subtree: true });
})();`;

export interface PageObservations {
  longTasks: { start: number; duration: number }[];
  paints: { name: string; at: number }[];
  frames: {
    start: number;
    duration: number;
    blockingDuration: number;
    scripts: {
      invoker: string;
      sourceURL: string;
      sourceFunctionName: string;
      sourceCharPosition: number;
      duration: number;
      forcedStyleAndLayoutDuration: number;
    }[];
  }[];
  usableAt: number | null;
  longtaskUnsupported?: string;
}

/** Reads what the observers saw so far (run in the page by page.evaluate). */
export const READ_OBSERVATIONS = 'JSON.parse(JSON.stringify(window.__gembaWindow))';
