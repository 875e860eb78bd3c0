import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ColumnMapping } from '../../../preload/api.ts';
import { InputError } from '../../engine/errors.ts';
import { flag, has, requirePositional } from '../args.ts';
import { awaitJob } from '../await-job.ts';
import { printJson, type Command, type CommandContext } from '../command.ts';

const USAGE =
  'gemba import FILE --workspace WS [--case COL] [--activity COL] [--timestamp COL] [--resource COL] [--start-timestamp COL] [--timestamp-format FMT] [--timezone TZ] [--accept-rejects] [--keep-lifecycle-events] [--json]';

export const importCommand: Command = {
  name: 'import',
  usage: USAGE,
  summary: 'Import a CSV, XES or XES.gz event log into a workspace (created if missing).',
  valueFlags: [
    'workspace',
    'case',
    'activity',
    'timestamp',
    'resource',
    'start-timestamp',
    'timestamp-format',
    'timezone',
  ],
  switches: ['json', 'accept-rejects', 'keep-lifecycle-events', 'quiet'],
  async run(args, ctx) {
    const file = resolve(requirePositional(args, 0, 'the file to import', USAGE));
    const workspace = flag(args, 'workspace');
    if (!workspace) throw new InputError('Missing --workspace.', { hint: `Usage: ${USAGE}` });
    const mapping: Partial<ColumnMapping> = {};
    const set = (key: keyof ColumnMapping, name: string) => {
      const value = flag(args, name);
      if (value !== undefined) (mapping as Record<string, string>)[key] = value;
    };
    set('case', 'case');
    set('activity', 'activity');
    set('timestamp', 'timestamp');
    set('resource', 'resource');
    set('startTimestamp', 'start-timestamp');
    set('timestampFormat', 'timestamp-format');
    set('timezone', 'timezone');
    const dir = resolve(workspace);
    const created = !existsSync(dir);
    const ws = await ctx.api.createWorkspace(dir);
    const showProgress = !has(args, 'json') && !has(args, 'quiet') && (ctx.stderr as NodeJS.WriteStream).isTTY;
    const request = {
      workspace: ws.path,
      file: { kind: 'path' as const, path: file },
      mapping,
      acceptRejects: has(args, 'accept-rejects'),
      pairLifecycle: !has(args, 'keep-lifecycle-events'),
    };
    const summary = await importOrRemoveNew(created, dir, ctx, () =>
      awaitJob(
        ctx.api,
        'import',
        () => ctx.api.startImport(request),
        ({ phase, done, total }) => {
          if (showProgress && total > 0) ctx.stderr.write(`\r${phase} ${Math.floor((100 * done) / total)}%   `);
        },
      ),
    );
    if (showProgress) ctx.stderr.write('\r');
    if (has(args, 'json')) {
      printJson(ctx, {
        cases: summary.cases,
        events: summary.events,
        activities: summary.activities,
        variants: summary.variants,
        timeRange: summary.timeRange,
        rejectedRows: summary.rejectedRows,
        importId: summary.importId,
        format: summary.format,
        mapping: summary.mapping,
        notes: summary.notes,
      });
      return;
    }
    const lines = [
      `Imported ${summary.events} events in ${summary.cases} cases into ${ws.path}`,
      `  activities ${summary.activities}, variants ${summary.variants}`,
      summary.timeRange ? `  from ${summary.timeRange[0]} to ${summary.timeRange[1]}` : '',
      summary.rejectedRows
        ? `  ${summary.rejectedRows} rejected rows (first: line ${summary.rejectedSample[0]?.line}: ${summary.rejectedSample[0]?.reason})`
        : '',
      ...summary.notes.map((n) => `  note: ${n}`),
    ];
    ctx.stdout.write(`${lines.filter(Boolean).join('\n')}\n`);
  },
};

/** A workspace folder this command created is removed again when its first import fails. */
async function importOrRemoveNew<T>(
  created: boolean,
  dir: string,
  ctx: CommandContext,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (created) {
      await ctx.api.closeWorkspace(dir);
      rmSync(dir, { recursive: true, force: true });
    }
    throw error;
  }
}
