import { formatDuration } from '../../engine/map/index.ts';
import { has, requirePositional } from '../args.ts';
import { printJson, type Command } from '../command.ts';
import { calendarFrom, filtersFrom } from '../log-options.ts';

const USAGE = 'gemba dfg WS [--filter JSON] [--calendar FILE] [--json]';

export const dfgCommand: Command = {
  name: 'dfg',
  usage: USAGE,
  summary: 'Directly-follows graph: activity and path counts with mean and median waiting time.',
  valueFlags: ['filter', 'calendar'],
  switches: ['json'],
  async run(args, ctx) {
    const graph = await ctx.api.directlyFollows(requirePositional(args, 0, 'the workspace', USAGE), { filters: filtersFrom(args), calendar: calendarFrom(args) });
    if (has(args, 'json')) {
      printJson(ctx, graph);
      return;
    }
    const lines = graph.edges.map((e) => `${String(e.count).padStart(8)}  ${e.from} → ${e.to}  (median ${formatDuration(e.medianSeconds)})`);
    ctx.stdout.write(`${graph.nodes.length} activities, ${graph.edges.length} paths\n${lines.join('\n')}\n`);
  },
};

