import { flag, has, numberFlag, requirePositional } from '../args.ts';
import { printJson, type Command } from '../command.ts';

const USAGE = 'gemba unusual-events WS [--case ID] [--top N] [--json]';

/**
 * Per-event anomalies: events whose wait, resource or hour is unusual for their activity,
 * measured against the newest anomaly model's statistics (or the current log's when none is
 * trained yet), each with its cause in words. The contract's unusualEvents, as the app asks it.
 */
export const unusualEventsCommand: Command = {
  name: 'unusual-events',
  usage: USAGE,
  summary:
    'Events whose wait, resource or hour is unusual for their activity, most unusual first, each with its reason in words.',
  valueFlags: ['case', 'top'],
  switches: ['json'],
  async run(args, ctx) {
    const top = Math.floor(numberFlag(args, 'top', 20, 1, 1_000_000));
    const { statistics, events } = await ctx.api.unusualEvents(requirePositional(args, 0, 'the workspace', USAGE), {
      case: flag(args, 'case'),
      top,
    });
    if (has(args, 'json')) {
      printJson(ctx, { statistics, events });
      return;
    }
    const lines = events.map(
      (e) => `${e.score.toExponential(2).padStart(9)}  ${e.case.padEnd(12)} ${e.at}  ${e.reason}`,
    );
    ctx.stdout.write(`${lines.length ? lines.join('\n') : 'no unusual events'}\n`);
  },
};
