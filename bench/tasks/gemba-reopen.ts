/** Gemba reopens a workspace to a ready event log (Arrow snapshot, not a SQL scan). */
import { residentBytes } from '../../main/engine/eventlog/event-log.ts';
import { gembaReopen } from '../gemba.ts';
import { measureTask } from '../lib/task.ts';

const [workspace] = process.argv.slice(2);
await measureTask(async () => {
  const log = gembaReopen(workspace);
  const bytes = residentBytes(log);
  return { events: log.eventCount, cases: log.caseCount, residentBytes: bytes, bytesPerEvent: bytes / log.eventCount };
});
