import { has, requirePositional } from '../args.ts';
import { printJson, type Command } from '../command.ts';
import { filtersFrom } from '../log-options.ts';

const USAGE = 'gemba stats WS [--filter JSON] [--json]';

export const statsCommand: Command = {
  name: 'stats',
  usage: USAGE,
  summary: 'Cases, events, activities, variants, time range, start and end activities.',
  valueFlags: ['filter'],
  switches: ['json'],
  async run(args, ctx) {
    const stats = await ctx.api.statistics(requirePositional(args, 0, 'the workspace', USAGE), filtersFrom(args));
    if (has(args, 'json')) {
      const { eventsPerDay: _perDay, basis, ...rest } = stats;
      printJson(ctx, { ...rest, basis });
      return;
    }
    const table = (counts: Record<string, number>) => Object.entries(counts).map(([a, n]) => `    ${String(n).padStart(8)}  ${a}`);
    ctx.stdout.write(
      [
        `cases ${stats.cases}, events ${stats.events}, activities ${stats.activities}, variants ${stats.variants}, resources ${stats.resources}`,
        stats.timeRange ? `from ${stats.timeRange[0]} to ${stats.timeRange[1]}` : 'empty log',
        'start activities:',
        ...table(stats.startActivities),
        'end activities:',
        ...table(stats.endActivities),
      ].join('\n') + '\n',
    );
  },
};
