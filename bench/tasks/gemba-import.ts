/** Gemba imports a log file into a fresh workspace (parse, build, SQLite, Arrow snapshot). */
import { rmSync } from 'node:fs';
import { gembaImport } from '../gemba.ts';
import { measureTask } from '../lib/task.ts';

const [file, workspace] = process.argv.slice(2);
rmSync(workspace, { recursive: true, force: true });
await measureTask(async () => ({ ...(await gembaImport(file, workspace)) }));
