/**
 * Gemba's XES import with saxes in place of XesTokenizer (bench/lib/saxes-xes-tokenizer.ts): the
 * same reader and columnar build (and, for `import`, the same workspace commit) on top of the
 * library's tokenizer. A module resolve hook hands parse-xes-log.ts the saxes adapter when it
 * imports './xes-tokenizer.ts'; nothing else changes.
 *   xes-with-saxes.ts parse FILE             parseXesLog alone
 *   xes-with-saxes.ts import FILE WORKSPACE  import into a fresh workspace, as gemba-import.ts
 */
import { rmSync } from 'node:fs';
import { register } from 'node:module';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { measureTask } from '../lib/task.ts';
import { logDigest } from '../lib/log-digest.ts';
import { saxesTokenizersMade } from '../lib/saxes-xes-tokenizer.ts';

const adapter = new URL('../lib/saxes-xes-tokenizer.ts', import.meta.url).href;
const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === './xes-tokenizer.ts' && context.parentURL && context.parentURL.endsWith('/xes/parse-xes-log.ts')) return next(${JSON.stringify(adapter)}, context);
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`, pathToFileURL('./'));

const [mode, file, workspace] = process.argv.slice(2);
/** Fails the task when parse-xes-log.ts did not get the adapter (the swap must really happen). */
const checkSwapped = () => {
  if (saxesTokenizersMade() === 0) throw new Error('parse-xes-log.ts did not load the saxes adapter');
};
if (mode === 'parse') {
  const { parseXesLog } = await import('../../main/engine/import/xes/parse-xes-log.ts');
  await measureTask(async () => {
    const parsed = await parseXesLog(file, { fileName: basename(file) }, { timezone: 'UTC' });
    checkSwapped();
    return {
      events: parsed.log.eventCount,
      cases: parsed.log.caseCount,
      rejected: parsed.rejectedCount,
      digest: logDigest(parsed.log),
      tokenizer: 'saxes',
    };
  });
} else if (mode === 'import') {
  const { gembaImport } = await import('../gemba.ts');
  rmSync(workspace, { recursive: true, force: true });
  await measureTask(async () => {
    const summary = await gembaImport(file, workspace);
    checkSwapped();
    return { ...summary, tokenizer: 'saxes' };
  });
} else throw new Error('usage: xes-with-saxes.ts parse FILE | import FILE WORKSPACE');
