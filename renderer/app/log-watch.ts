import type { ImportRecord, WorkspaceInfo } from '../../preload/api.ts';

/**
 * Another window, a browser tab or the `gemba` command line can import or restore a log into the
 * workspace this window shows. The engine then serves the new log to every call, so a window that
 * kept the old sidebar, summary and variants while its map redrew would mix two logs. Each window
 * therefore watches which import is current and, when it changes, refreshes every view and says so.
 */

/** How often a visible window asks which import is current (a cheap read of the import history). */
export const LOG_WATCH_INTERVAL_MS = 2000;

/** What the window tells the user after it followed a change made elsewhere. */
export interface ExternalLogChange {
  /** The import now current, or null when the workspace no longer holds a log. */
  now: Pick<ImportRecord, 'id' | 'fileName' | 'importedAt' | 'cases' | 'events'> | null;
  /** The file this window showed before. */
  before: string | null;
}

/**
 * Whether the current import named by the history differs from the one the window shows, and if
 * so what to tell the user. Null when nothing changed.
 */
export function detectLogChange(shown: WorkspaceInfo, history: readonly ImportRecord[]): ExternalLogChange | null {
  const current = history.find((record) => record.current) ?? null;
  const shownId = shown.current?.id ?? null;
  if ((current?.id ?? null) === shownId) return null;
  return {
    now: current
      ? {
          id: current.id,
          fileName: current.fileName,
          importedAt: current.importedAt,
          cases: current.cases,
          events: current.events,
        }
      : null,
    before: shown.current?.fileName ?? null,
  };
}

/** The sentence the notice shows, in the user's words. */
export function describeLogChange(change: ExternalLogChange): string {
  const was = change.before ? ` (this window showed ${change.before})` : '';
  if (!change.now) return `This workspace no longer holds a log${was}; another window or the command line changed it.`;
  return `The workspace's log changed in another window or from the command line: it is now ${change.now.fileName}${was}. Every view was refreshed; filters made on the old log were cleared.`;
}
