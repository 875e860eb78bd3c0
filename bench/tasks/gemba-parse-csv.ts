/** Gemba's CSV parser alone (parseCsvLog: head analysis, CsvTokenizer, columnar build), no workspace. */
import { basename } from 'node:path';
import { parseCsvLog } from '../../main/engine/import/csv/parse-csv-log.ts';
import { logDigest } from '../lib/log-digest.ts';
import { measureTask } from '../lib/task.ts';

const file = process.argv[2];
await measureTask(async () => {
  const parsed = await parseCsvLog(file, { timezone: 'UTC' }, { fileName: basename(file) });
  return {
    rowsRead: parsed.rowsRead,
    rejected: parsed.rejectedCount,
    events: parsed.log.eventCount,
    cases: parsed.log.caseCount,
    digest: logDigest(parsed.log),
  };
});
