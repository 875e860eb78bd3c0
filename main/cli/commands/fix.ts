import { readFileSync } from 'node:fs';
import type { AppliedFix, QualityFix } from '../../../preload/api.ts';
import { InputError } from '../../engine/errors.ts';
import type { EventLog } from '../../engine/eventlog/event-log.ts';
import { duplicateEvents } from '../../engine/quality/duplicate-events.ts';
import { futureTimestamps } from '../../engine/quality/future-timestamps.ts';
import { incompleteCases } from '../../engine/quality/incomplete-cases.ts';
import { inconsistentLabels } from '../../engine/quality/inconsistent-labels.ts';
import { naiveTimeZone } from '../../engine/quality/naive-time-zone.ts';
import { oldTimestamps } from '../../engine/quality/old-timestamps.ts';
import { FixesStore } from '../../engine/workspace/fixes-store.ts';
import { flag, has, requirePositional } from '../args.ts';
import { printJson, type Command, type CommandContext } from '../command.ts';

const USAGE =
  'gemba fix WS [--merge-labels [--merge-map JSON|@FILE]] [--drop-duplicates] [--exclude-bad-timestamps] ' +
  '[--timezone TZ [--from-zone TZ]] [--drop-incomplete [--keep-running]] [--undo ID] [--list] [--json]';

/**
 * One requested fix: how to propose it from the log as it now stands (null = nothing to fix).
 * Requests run in this order, each on the log with the previous ones applied, so a merge of
 * label variants comes before the duplicates it may reveal.
 */
interface Request {
  switch: string;
  propose(log: EventLog, args: Parameters<Command['run']>[0], ctx: CommandContext, path: string): QualityFix | null;
}

const REQUESTS: Request[] = [
  {
    switch: 'merge-labels',
    propose(log, args) {
      const edited = flag(args, 'merge-map');
      if (edited === undefined) return inconsistentLabels(log).fix;
      const map = readMergeMap(edited);
      return { kind: 'merge_labels', description: `Merge ${Object.keys(map).length} labels (edited map)`, params: { map } };
    },
  },
  { switch: 'drop-duplicates', propose: (log) => duplicateEvents(log).fix },
  {
    switch: 'exclude-bad-timestamps',
    propose(log) {
      const future = futureTimestamps(log).fix;
      const old = oldTimestamps(log).fix;
      if (!future && !old) return null;
      const notBefore = old?.kind === 'exclude_bad_timestamps' ? old.params.notBefore : null;
      const notAfter = future?.kind === 'exclude_bad_timestamps' ? future.params.notAfter : null;
      return {
        kind: 'exclude_bad_timestamps',
        description: [old?.description, future?.description].filter(Boolean).join('; '),
        params: { notBefore, notAfter },
      };
    },
  },
  {
    switch: 'timezone',
    propose(_log, args, ctx, path) {
      const toZone = flag(args, 'timezone')!;
      const ws = ctx.engine.sessions.get(path);
      const inForce = new FixesStore(ws).inForce().map((f) => f.fix);
      const fromZone = flag(args, 'from-zone') ?? naiveTimeZone(ws.currentImport()?.mapping?.timezone, inForce);
      if (!fromZone) {
        throw new InputError('The time zone the timestamps were read in is not recorded for this import.', { hint: 'Give it with --from-zone TZ.' });
      }
      return fromZone === toZone ? null : { kind: 'set_timezone', description: `Read naive timestamps in ${toZone} instead of ${fromZone}`, params: { fromZone, toZone } };
    },
  },
  {
    switch: 'drop-incomplete',
    propose(log, args) {
      const fix = incompleteCases(log).fix;
      if (!fix || fix.kind !== 'drop_incomplete_cases' || !has(args, 'keep-running')) return fix;
      const description = `${fix.description.replace(/ and [\d,]+ running cases?$/u, '')}, keeping running cases`;
      return { ...fix, description, params: { ...fix.params, keepRunning: true } };
    },
  },
];

function readMergeMap(text: string): Record<string, string> {
  let source = text;
  if (text.startsWith('@')) {
    try {
      source = readFileSync(text.slice(1), 'utf8');
    } catch (error) {
      throw new InputError(`Cannot read ${text.slice(1)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`, { file: text.slice(1) });
    }
  }
  let map: unknown;
  try {
    map = JSON.parse(source);
  } catch {
    throw new InputError('--merge-map is not valid JSON.', { hint: 'Give an object of "variant": "canonical" pairs, inline or as @file.json.' });
  }
  if (typeof map !== 'object' || map === null || Array.isArray(map) || !Object.values(map).every((v) => typeof v === 'string')) {
    throw new InputError('--merge-map must be an object of "variant": "canonical" labels.');
  }
  return map as Record<string, string>;
}

interface LogSize {
  cases: number;
  events: number;
  activities: number;
}

function describeLog(log: EventLog): LogSize {
  const used = new Uint8Array(log.activities.length);
  for (let i = 0; i < log.eventCount; i++) used[log.activity[i]] = 1;
  return { cases: log.caseCount, events: log.eventCount, activities: used.reduce((n, u) => n + u, 0) };
}

export const fixCommand: Command = {
  name: 'fix',
  usage: USAGE,
  summary: 'Apply (or undo) data-quality fixes; the raw import is kept and every fix is recorded.',
  valueFlags: ['merge-map', 'timezone', 'from-zone', 'undo'],
  switches: ['json', 'merge-labels', 'drop-duplicates', 'exclude-bad-timestamps', 'drop-incomplete', 'keep-running', 'list'],
  async run(args, ctx) {
    const path = requirePositional(args, 0, 'the workspace', USAGE);
    const ws = ctx.engine.sessions.get(path);
    const store = new FixesStore(ws);
    const applied: AppliedFix[] = [];
    const undone: number[] = [];
    const undo = flag(args, 'undo');
    // Undo comes before the log is loaded: a fix that makes loading fail (recorded by an older
    // version) must still be undoable, so the figures before an undo are best effort.
    let before: LogSize | null = null;
    if (undo !== undefined) {
      const id = Number(undo);
      if (!Number.isInteger(id) || id < 1) throw new InputError(`--undo needs the number of a recorded fix, not "${undo}".`, { hint: 'See them with gemba fix WS --list.' });
      try {
        before = describeLog(ctx.engine.sessions.currentLog(path).log);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
      }
      store.undo(id);
      undone.push(id);
      ctx.engine.sessions.invalidate(path);
    } else {
      before = describeLog(ctx.engine.sessions.currentLog(path).log);
    }
    const requested = REQUESTS.filter((r) => has(args, r.switch));
    if (requested.length === 0 && undo === undefined && !has(args, 'list')) {
      throw new InputError('No fix requested.', { hint: `Usage: ${USAGE}` });
    }
    for (const request of requested) {
      const log = ctx.engine.sessions.currentLog(path).log;
      const fix = request.propose(log, args, ctx, path);
      if (!fix) continue;
      const inForce = store.apply(fix, undefined, log);
      applied.push(inForce[inForce.length - 1]);
      ctx.engine.sessions.invalidate(path);
    }
    const after = describeLog(ctx.engine.sessions.currentLog(path).log);
    const fixesInForce = store.inForce();
    if (has(args, 'json')) {
      printJson(ctx, { applied, undone, fixesInForce, before, after });
      return;
    }
    const lines = [
      ...applied.map((f) => `applied #${f.id}: ${f.fix.description}`),
      ...undone.map((id) => `undid #${id}`),
      ...(requested.length > 0 && applied.length === 0 ? ['nothing to fix for the requested checks'] : []),
      (applied.length || undone.length) && before
        ? `now ${after.cases} cases, ${after.events} events, ${after.activities} activities (was ${before.cases}, ${before.events}, ${before.activities})`
        : applied.length || undone.length
          ? `now ${after.cases} cases, ${after.events} events, ${after.activities} activities (the log could not be loaded before the undo)`
          : `${after.cases} cases, ${after.events} events, ${after.activities} activities`,
      fixesInForce.length ? 'fixes in force:' : 'no fixes in force',
      ...fixesInForce.map((f) => `  #${f.id} ${f.fix.description}`),
    ];
    ctx.stdout.write(`${lines.join('\n')}\n`);
  },
};
