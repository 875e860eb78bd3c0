/** Gemba's XES parser alone (XesTokenizer streaming into the columnar builder), no workspace. */
import { basename } from 'node:path';
import { parseXesLog } from '../../main/engine/import/xes/parse-xes-log.ts';
import { residentBytes } from '../../main/engine/eventlog/event-log.ts';
import { logDigest } from '../lib/log-digest.ts';
import { measureTask } from '../lib/task.ts';

const file = process.argv[2];
await measureTask(async () => {
  const parsed = await parseXesLog(file, { fileName: basename(file) }, { timezone: 'UTC' });
  return {
    events: parsed.log.eventCount,
    cases: parsed.log.caseCount,
    rejected: parsed.rejectedCount,
    residentBytes: residentBytes(parsed.log),
    digest: logDigest(parsed.log),
  };
});
