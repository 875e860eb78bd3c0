import { readFileSync } from 'node:fs';
import type { AppliedFix, LogStatistics, QualityCheckKind, QualityFix, QualityReport } from '../../../preload/api.ts';
import { InputError } from '../../engine/errors.ts';
import { flag, has, requirePositional } from '../args.ts';
import { printJson, type Command } from '../command.ts';

const USAGE =
  'gemba fix WS [--merge-labels [--merge-map JSON|@FILE]] [--drop-duplicates] [--exclude-bad-timestamps [--whole-cases]] ' +
  '[--timezone TZ [--from-zone TZ]] [--drop-incomplete [--keep-running]] [--undo ID] [--list] [--json]';

/**
 * One requested fix: how to propose it from the quality report of the log as it now stands
 * (null = nothing to fix); the report's checks propose the same fixes the app offers. Requests run
 * in this order, each on the log with the previous ones applied, so a merge of label variants
 * comes before the duplicates it may reveal.
 */
interface Request {
  switch: string;
  propose(report: QualityReport, args: Parameters<Command['run']>[0]): QualityFix | null;
}

const proposed = (report: QualityReport, kind: QualityCheckKind): QualityFix | null =>
  report.checks.find((c) => c.kind === kind)?.fix ?? null;

const REQUESTS: Request[] = [
  {
    switch: 'merge-labels',
    propose(report, args) {
      const edited = flag(args, 'merge-map');
      if (edited === undefined) return proposed(report, 'inconsistent_labels');
      const map = readMergeMap(edited);
      return {
        kind: 'merge_labels',
        description: `Merge ${Object.keys(map).length} labels (edited map)`,
        params: { map },
      };
    },
  },
  { switch: 'drop-duplicates', propose: (report) => proposed(report, 'duplicate_events') },
  {
    switch: 'exclude-bad-timestamps',
    propose(report, args) {
      const future = proposed(report, 'future_timestamps');
      const old = proposed(report, 'old_timestamps');
      if (!future && !old) return null;
      const notBefore = old?.kind === 'exclude_bad_timestamps' ? old.params.notBefore : null;
      const notAfter = future?.kind === 'exclude_bad_timestamps' ? future.params.notAfter : null;
      return {
        kind: 'exclude_bad_timestamps',
        // --whole-cases drops every case with a misdated event, so no finished case turns running.
        description: `${[old?.description, future?.description].filter(Boolean).join('; ')}${has(args, 'whole-cases') ? ' (their whole cases)' : ''}`,
        params: { notBefore, notAfter, ...(has(args, 'whole-cases') ? { scope: 'cases' as const } : {}) },
      };
    },
  },
  {
    switch: 'timezone',
    propose(report, args) {
      const toZone = flag(args, 'timezone')!;
      const fromZone = flag(args, 'from-zone') ?? report.naiveTimeZone;
      if (!fromZone) {
        throw new InputError('The time zone the timestamps were read in is not recorded for this import.', {
          hint: 'Give it with --from-zone TZ.',
        });
      }
      return fromZone === toZone
        ? null
        : {
            kind: 'set_timezone',
            description: `Read naive timestamps in ${toZone} instead of ${fromZone}`,
            params: { fromZone, toZone },
          };
    },
  },
  {
    switch: 'drop-incomplete',
    propose(report, args) {
      const fix = proposed(report, 'incomplete_cases');
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
      throw new InputError(`Cannot read ${text.slice(1)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`, {
        file: text.slice(1),
      });
    }
  }
  let map: unknown;
  try {
    map = JSON.parse(source);
  } catch {
    throw new InputError('--merge-map is not valid JSON.', {
      hint: 'Give an object of "variant": "canonical" pairs, inline or as @file.json.',
    });
  }
  if (
    typeof map !== 'object' ||
    map === null ||
    Array.isArray(map) ||
    !Object.values(map).every((v) => typeof v === 'string')
  ) {
    throw new InputError('--merge-map must be an object of "variant": "canonical" labels.');
  }
  return map as Record<string, string>;
}

interface LogSize {
  cases: number;
  events: number;
  activities: number;
}

const sizeOf = ({ cases, events, activities }: LogStatistics): LogSize => ({ cases, events, activities });

export const fixCommand: Command = {
  name: 'fix',
  usage: USAGE,
  summary: 'Apply (or undo) data-quality fixes; the raw import is kept and every fix is recorded.',
  valueFlags: ['merge-map', 'timezone', 'from-zone', 'undo'],
  switches: [
    'json',
    'merge-labels',
    'drop-duplicates',
    'exclude-bad-timestamps',
    'whole-cases',
    'drop-incomplete',
    'keep-running',
    'list',
  ],
  async run(args, ctx) {
    const path = requirePositional(args, 0, 'the workspace', USAGE);
    const applied: AppliedFix[] = [];
    const undone: number[] = [];
    const undo = flag(args, 'undo');
    // Undo comes before the log is loaded: a fix that makes loading fail (recorded by an older
    // version) must still be undoable, so the figures before an undo are best effort.
    let before: LogSize | null = null;
    if (undo !== undefined) {
      const id = Number(undo);
      if (!Number.isInteger(id) || id < 1)
        throw new InputError(`--undo needs the number of a recorded fix, not "${undo}".`, {
          hint: 'See them with gemba fix WS --list.',
        });
      try {
        before = sizeOf(await ctx.api.statistics(path));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
      }
      await ctx.api.undoFix(path, id);
      undone.push(id);
    } else {
      before = sizeOf(await ctx.api.statistics(path));
    }
    const requested = REQUESTS.filter((r) => has(args, r.switch));
    if (requested.length === 0 && undo === undefined && !has(args, 'list')) {
      throw new InputError('No fix requested.', { hint: `Usage: ${USAGE}` });
    }
    for (const request of requested) {
      const fix = request.propose(await ctx.api.qualityReport(path), args);
      if (!fix) continue;
      const inForce = await ctx.api.applyFix(path, fix);
      applied.push(inForce[inForce.length - 1]);
    }
    const statistics = await ctx.api.statistics(path);
    const after = sizeOf(statistics);
    const fixesInForce = statistics.basis?.fixesInForce ?? [];
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
