import type { ProcessMap, ProcessMapRequest } from '../../../preload/api.ts';
import type { CaseMask, EventLog } from '../eventlog/index.ts';
import { InputError } from '../errors.ts';
import { processMap } from './process-map.ts';

/**
 * The log seen by resource: every event with a resource becomes an event of "activity" = its
 * resource; events without one are left out. Cases keep their index (a case without any resource
 * is simply empty), so the filters' case mask applies unchanged, and the directly-follows graph
 * of this log is the handover-of-work graph: resource A → resource B counts the times an event by
 * A is directly followed in its case by one by B (the same resource twice is a loop, as in Disco).
 * Everything the process map offers (sliders, frequency/performance, layout) then applies as is.
 */
export function handoverLog(log: EventLog): EventLog {
  const cached = handoverLogs.get(log);
  if (cached) return cached;
  const { resource, caseStart } = log;
  let kept = 0;
  for (let i = 0; i < log.eventCount; i++) if (resource[i] >= 0) kept++;
  const order = new Int32Array(kept);
  const newCaseStart = new Int32Array(log.caseCount + 1);
  let k = 0;
  for (let c = 0; c < log.caseCount; c++) {
    newCaseStart[c] = k;
    for (let i = caseStart[c]; i < caseStart[c + 1]; i++) if (resource[i] >= 0) order[k++] = i;
  }
  newCaseStart[log.caseCount] = k;
  const gatherInt = (values: Int32Array) => Int32Array.from(order, (i) => values[i]);
  const gatherFloat = (values: Float64Array) => Float64Array.from(order, (i) => values[i]);
  const byResource: EventLog = {
    eventCount: kept,
    caseCount: log.caseCount,
    caseStart: newCaseStart,
    caseIds: log.caseIds,
    activity: gatherInt(resource),
    activities: log.resources,
    timestamp: gatherFloat(log.timestamp),
    startTimestamp: log.startTimestamp ? gatherFloat(log.startTimestamp) : null,
    resource: gatherInt(resource),
    resources: log.resources,
    sourceRow: gatherInt(log.sourceRow),
    // The handover map needs no event attributes; filters ran on the original log.
    eventAttributes: [],
    caseAttributes: log.caseAttributes,
  };
  handoverLogs.set(log, byResource);
  return byResource;
}

const handoverLogs = new WeakMap<EventLog, EventLog>();

/**
 * The handover-of-work map of a filtered log: `mask` is the filters' case mask on `log` (null for
 * every case); the request's sliders and view mean what they mean on the process map, over
 * resources instead of activities.
 */
export async function handoverMap(
  log: EventLog,
  mask: CaseMask | null,
  request: ProcessMapRequest,
): Promise<ProcessMap> {
  if (log.resources.length === 0) {
    throw new InputError('This log has no resources, so there is no handover of work to show.', {
      hint: 'Import the log again with a column mapped to Resource (org:resource in XES).',
    });
  }
  // graph.cases counts the kept cases with a resource; totalCases all cases of the log.
  return processMap(handoverLog(log), mask, request);
}
