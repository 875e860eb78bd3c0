// The reference for `gemba import FILE.xes` as a whole process: pm4js's XES importer (xmldom DOM,
// then objects per trace and event), as bench/tasks/pm4js-xes.ts runs it. Usage: FILE
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

createRequire(import.meta.url)('pm4js/init.js');
const log = globalThis.XesImporter.apply(readFileSync(process.argv[2], 'utf8'));
let events = 0;
for (const trace of log.traces) events += trace.events.length;
console.log(events);
