import type { UnusualEvents, UnusualEventsRequest } from '../../preload/api.ts';
import { InputError } from '../engine/errors.ts';
import { machineTimeZone } from '../engine/import/timestamps/index.ts';
import { eventAnomalies } from '../../models/anomaly/index.ts';
import { fitProcessStatistics, type ProcessStatistics } from '../../models/features/index.ts';
import { ModelRegistry } from '../../models/registry/index.ts';
import type { WorkspaceSessions } from './workspace-sessions.ts';

const DEFAULT_TOP = 20;

/**
 * Per-event anomalies of the current log: events whose wait, resource or hour is unusual for
 * their activity, measured against the newest anomaly model's statistics, or the current log's
 * when none is trained yet (so the answer exists before any training), each with its cause in words.
 */
export function unusualEvents(
  sessions: WorkspaceSessions,
  workspace: string,
  request: UnusualEventsRequest,
): UnusualEvents {
  const { workspace: ws, log } = sessions.currentLog(workspace);
  let cases: Uint8Array | null = null;
  if (request.case !== undefined) {
    const c = log.caseIds.indexOf(request.case);
    if (c < 0)
      throw new InputError(`Case "${request.case}" is not in the current log.`, {
        hint: 'Case ids are as in the imported file.',
      });
    cases = new Uint8Array(log.caseCount);
    cases[c] = 1;
  }
  const model = new ModelRegistry(ws).latest('anomaly');
  const stats = model
    ? (model.encoding as ProcessStatistics)
    : fitProcessStatistics(log, { timeZone: machineTimeZone() });
  const events = eventAnomalies(log, stats, { top: request.top ?? DEFAULT_TOP, cases });
  return { statistics: model ? model.label : 'the current log', events };
}
