import { InputError } from '../../engine/errors.ts';
import { machineTimeZone } from '../../engine/import/timestamps/index.ts';
import { eventAnomalies } from '../../../models/anomaly/index.ts';
import { fitProcessStatistics, type ProcessStatistics } from '../../../models/features/index.ts';
import { ModelRegistry } from '../../../models/registry/index.ts';
import { flag, has, numberFlag, requirePositional } from '../args.ts';
import { printJson, type Command } from '../command.ts';

const USAGE = 'gemba unusual-events WS [--case ID] [--top N] [--json]';

/**
 * Per-event anomalies: events whose wait, resource or hour is unusual for their activity,
 * measured against the newest anomaly model's statistics (or the current log's when none is
 * trained yet), each with its cause in words.
 */
export const unusualEventsCommand: Command = {
  name: 'unusual-events',
  usage: USAGE,
  summary: 'Events whose wait, resource or hour is unusual for their activity, most unusual first, each with its reason in words.',
  valueFlags: ['case', 'top'],
  switches: ['json'],
  async run(args, ctx) {
    const { workspace, log } = ctx.engine.sessions.currentLog(requirePositional(args, 0, 'the workspace', USAGE));
    const top = numberFlag(args, 'top', 20, 1, 1_000_000);
    const caseId = flag(args, 'case');
    let cases: Uint8Array | null = null;
    if (caseId !== undefined) {
      const c = log.caseIds.indexOf(caseId);
      if (c < 0) throw new InputError(`Case "${caseId}" is not in the current log.`, { hint: 'Case ids are as in the imported file.' });
      cases = new Uint8Array(log.caseCount);
      cases[c] = 1;
    }
    const model = new ModelRegistry(workspace).latest('anomaly');
    const stats = model ? (model.encoding as ProcessStatistics) : fitProcessStatistics(log, { timeZone: machineTimeZone() });
    const events = eventAnomalies(log, stats, { top: Math.floor(top), cases });
    if (has(args, 'json')) {
      printJson(ctx, { statistics: model ? model.label : 'the current log', events });
      return;
    }
    const lines = events.map((e) => `${e.score.toExponential(2).padStart(9)}  ${e.case.padEnd(12)} ${e.at}  ${e.reason}`);
    ctx.stdout.write(`${lines.length ? lines.join('\n') : 'no unusual events'}\n`);
  },
};
