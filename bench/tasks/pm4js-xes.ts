/** pm4js's XES importer (xmldom DOM, then objects per trace and event) on the same file. */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { measureTask } from '../lib/task.ts';

interface Pm4jsLog {
  traces: { events: unknown[] }[];
}
const require = createRequire(import.meta.url);
// init.js registers everything as globals (XesImporter, DOMParser from xmldom) in Node.
require('pm4js/init.js');
const XesImporter = (globalThis as unknown as { XesImporter: { apply(xml: string): Pm4jsLog } }).XesImporter;

const file = process.argv[2];
await measureTask(() => {
  const log = XesImporter.apply(readFileSync(file, 'utf8'));
  let events = 0;
  for (const trace of log.traces) events += trace.events.length;
  return { events, cases: log.traces.length };
});
