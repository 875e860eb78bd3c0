import { formatDuration } from '../../engine/map/index.ts';
import { calendarFrom, filtersFrom } from '../log-options.ts';
import { logReportCommand } from '../log-report.ts';

export const dfgCommand = logReportCommand({
  name: 'dfg',
  usage: 'gemba dfg WS [--filter JSON] [--calendar FILE] [--json]',
  summary: 'Directly-follows graph: activity and path counts with mean and median waiting time.',
  valueFlags: ['filter', 'calendar'],
  fetch: (api, workspace, args) =>
    api.directlyFollows(workspace, { filters: filtersFrom(args), calendar: calendarFrom(args) }),
  text(graph) {
    const lines = graph.edges.map(
      (e) => `${String(e.count).padStart(8)}  ${e.from} → ${e.to}  (median ${formatDuration(e.medianSeconds)})`,
    );
    return `${graph.nodes.length} activities, ${graph.edges.length} paths\n${lines.join('\n')}`;
  },
});
