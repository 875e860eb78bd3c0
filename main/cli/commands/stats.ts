import { filtersFrom } from '../log-options.ts';
import { logReportCommand } from '../log-report.ts';

export const statsCommand = logReportCommand({
  name: 'stats',
  usage: 'gemba stats WS [--filter JSON] [--json]',
  summary: 'Cases, events, activities, variants, time range, start and end activities.',
  valueFlags: ['filter'],
  fetch: (api, workspace, args) => api.statistics(workspace, filtersFrom(args)),
  json: ({ eventsPerDay: _perDay, basis, ...rest }) => ({ ...rest, basis }),
  text(stats) {
    const table = (counts: Record<string, number>) =>
      Object.entries(counts).map(([a, n]) => `    ${String(n).padStart(8)}  ${a}`);
    return [
      `cases ${stats.cases}, events ${stats.events}, activities ${stats.activities}, variants ${stats.variants}, resources ${stats.resources}`,
      stats.timeRange ? `from ${stats.timeRange[0]} to ${stats.timeRange[1]}` : 'empty log',
      'start activities:',
      ...table(stats.startActivities),
      'end activities:',
      ...table(stats.endActivities),
    ].join('\n');
  },
});
