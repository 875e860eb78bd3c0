import { directlyFollows } from '../../engine/analysis/directly-follows.ts';
import { caseMask } from '../../engine/analysis/filters.ts';
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
    const { log, basis } = ctx.engine.sessions.currentLog(requirePositional(args, 0, 'the workspace', USAGE));
    const filters = filtersFrom(args);
    const graph = directlyFollows(log, { mask: filters.length ? caseMask(log, filters) : null, calendar: calendarFrom(args) });
    if (has(args, 'json')) {
      printJson(ctx, { ...graph, basis });
      return;
    }
    const lines = graph.edges.map((e) => `${String(e.count).padStart(8)}  ${e.from} → ${e.to}  (median ${formatSeconds(e.medianSeconds)})`);
    ctx.stdout.write(`${graph.nodes.length} activities, ${graph.edges.length} paths\n${lines.join('\n')}\n`);
  },
};

export function formatSeconds(seconds: number): string {
  if (seconds < 120) return `${seconds.toFixed(0)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(1)} min`;
  if (seconds < 172800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}
