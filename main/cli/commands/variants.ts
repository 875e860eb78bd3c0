import { filtersFrom } from '../log-options.ts';
import { logReportCommand } from '../log-report.ts';

export const variantsCommand = logReportCommand({
  name: 'variants',
  usage: 'gemba variants WS [--filter JSON] [--json]',
  summary: 'Variants (distinct activity sequences), most frequent first.',
  valueFlags: ['filter'],
  fetch: (api, workspace, args) => api.variantList(workspace, filtersFrom(args)),
  text(list) {
    const lines = list.map(
      (v) => `${String(v.count).padStart(8)}  ${(100 * v.share).toFixed(1).padStart(5)}%  ${v.activities.join(' → ')}`,
    );
    return `${list.length} variants\n${lines.join('\n')}`;
  },
});
