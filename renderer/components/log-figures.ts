import type { GembaBridge, LogStatistics } from '../../preload/api.ts';
import { useWorkbench } from '../app/workbench.ts';
import { plural } from './format.ts';
import { useAsync, type AsyncState } from './use-async.ts';

/**
 * The figures of the current log as every view should quote them: from `statistics()`, which
 * counts the log with the data-quality fixes in force, not the import record (which keeps the
 * figures as imported). The sidebar, the workspace page and the summary ask at the same moment;
 * one answer per log version serves them all.
 */
let cached: { key: string; answer: Promise<LogStatistics> } | null = null;

export function currentStatistics(
  api: Pick<GembaBridge, 'statistics'>,
  workspace: string,
  importId: number,
  logVersion: number,
): Promise<LogStatistics> {
  const key = JSON.stringify([workspace, importId, logVersion]);
  if (cached?.key === key) return cached.answer;
  const answer = api.statistics(workspace);
  const entry = { key, answer };
  cached = entry;
  // A failed answer is not kept: the next view to ask tries again.
  answer.catch(() => {
    if (cached === entry) cached = null;
  });
  return answer;
}

/** The current log's statistics (fixes in force), or null while there is no log. */
export function useCurrentStatistics(): AsyncState<LogStatistics | null> {
  const { api, workspace, logVersion } = useWorkbench();
  const path = workspace?.path ?? '';
  const importId = workspace?.current?.id ?? null;
  return useAsync<LogStatistics | null>(
    () => (importId === null ? Promise.resolve(null) : currentStatistics(api, path, importId, logVersion)),
    [api, path, importId, logVersion],
  );
}

/** How many data-quality fixes the figures reflect: "2 fixes in force", or null for none. */
export function fixesInForceNote(stats: Pick<LogStatistics, 'basis'> | null | undefined): string | null {
  const count = stats?.basis?.fixesInForce.length ?? 0;
  return count > 0 ? `${plural(count, 'fix', 'fixes')} in force` : null;
}
