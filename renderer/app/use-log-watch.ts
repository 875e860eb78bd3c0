import { useEffect, useRef } from 'react';
import type { GembaBridge, WorkspaceInfo } from '../../preload/api.ts';
import { detectLogChange, LOG_WATCH_INTERVAL_MS, type ExternalLogChange } from './log-watch.ts';

/**
 * Watches the open workspace's current import (see log-watch.ts): every LOG_WATCH_INTERVAL_MS
 * while the window is visible, and at once when it becomes visible or gains focus (the moment a
 * user comes back from the other window). Calls `onChange` once per change it sees.
 */
export function useLogWatch(
  api: Pick<GembaBridge, 'importHistory'>,
  workspace: WorkspaceInfo | null,
  onChange: (change: ExternalLogChange) => void,
): void {
  const shown = useRef(workspace);
  shown.current = workspace;
  const report = useRef(onChange);
  report.current = onChange;
  const path = workspace?.path ?? null;

  useEffect(() => {
    if (path === null) return undefined;
    let busy = false;
    let stopped = false;
    const check = async () => {
      if (busy || stopped || document.visibilityState === 'hidden') return;
      busy = true;
      try {
        const history = await api.importHistory(path);
        const now = shown.current;
        // The window may have moved on (its own import, another workspace) while the call ran.
        if (stopped || !now || now.path !== path) return;
        const change = detectLogChange(now, history);
        if (change) report.current(change);
      } catch {
        // The workspace may be closing or its folder gone; the views report that themselves.
      } finally {
        busy = false;
      }
    };
    const timer = window.setInterval(() => void check(), LOG_WATCH_INTERVAL_MS);
    const onVisible = () => void check();
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, [api, path]);
}
