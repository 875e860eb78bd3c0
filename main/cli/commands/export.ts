import { filteredLog } from '../../engine/analysis/index.ts';
import { statisticsTable, type StatisticsBy } from '../../engine/analysis/index.ts';
import { InputError } from '../../engine/errors.ts';
import {
  casesTable,
  exportLog,
  exportTable,
  LOG_EXPORT_FORMATS,
  statisticsTableCsv,
  variantsTable,
  type LogExportFormat,
} from '../../engine/export/index.ts';
import { flag, has, requirePositional } from '../args.ts';
import { printJson, type Command } from '../command.ts';
import { filtersFrom } from '../log-options.ts';

const USAGE =
  'gemba export WS --log --format csv|xes|xes.gz --out FILE [--filter JSON] [--json]\n' +
  '  gemba export WS --table cases|variants|statistics [--by activity|resource|attribute NAME] --out FILE [--filter JSON] [--json]';
const TABLES = ['cases', 'variants', 'statistics'];

export const exportCommand: Command = {
  name: 'export',
  usage: USAGE,
  summary: 'Writes the current log (fixes and filters applied) as CSV or XES for tools, or a table as spreadsheet CSV.',
  valueFlags: ['format', 'out', 'filter', 'table', 'by'],
  switches: ['log', 'json'],
  async run(args, ctx) {
    const ws = requirePositional(args, 0, 'the workspace', USAGE);
    const out = flag(args, 'out');
    if (!out) throw new InputError('Missing --out FILE: where to write the export.', { hint: `Usage: ${USAGE}` });
    const table = flag(args, 'table');
    if (has(args, 'log') === (table !== undefined))
      throw new InputError('Say what to export: --log or --table cases|variants|statistics (one of them).', {
        hint: `Usage: ${USAGE}`,
      });
    const current = ctx.engine.sessions.currentLog(ws);
    const basis = current.basis;
    // Trimming filters give a derived log: the export holds exactly the events the views show.
    const { log, mask } = filteredLog(current.log, filtersFrom(args));
    let result;
    if (table === undefined) {
      const format = (flag(args, 'format') ?? formatOfName(out)) as LogExportFormat;
      if (!format)
        throw new InputError('Missing --format csv|xes|xes.gz (the file name does not say).', {
          hint: `Usage: ${USAGE}`,
        });
      if (!LOG_EXPORT_FORMATS.includes(format))
        throw new InputError(`--format must be csv, xes or xes.gz, not "${format}".`, { hint: `Usage: ${USAGE}` });
      result = await exportLog(log, out, format, { mask, logName: basis.fileName });
    } else {
      if (!TABLES.includes(table))
        throw new InputError(`--table must be cases, variants or statistics, not "${table}".`, {
          hint: `Usage: ${USAGE}`,
        });
      const by = (flag(args, 'by') ?? 'activity') as StatisticsBy;
      if (table === 'statistics' && !['activity', 'resource', 'attribute'].includes(by))
        throw new InputError(`--by must be activity, resource or attribute, not "${by}".`);
      const rows =
        table === 'cases'
          ? casesTable(log, mask)
          : table === 'variants'
            ? variantsTable(log, mask)
            : statisticsTableCsv(
                statisticsTable(log, mask, {
                  by,
                  attribute:
                    by === 'attribute'
                      ? requirePositional(args, 1, 'the attribute name after --by attribute', USAGE)
                      : undefined,
                }),
              );
      result = await exportTable(rows, out);
    }
    if (has(args, 'json')) {
      printJson(ctx, { ...result, basis });
      return;
    }
    const what = table === undefined ? `${result.cases} cases, ${result.events} events` : `${result.events} rows`;
    ctx.stdout.write(`Wrote ${out} (${what}, ${result.bytes} bytes).\n${result.notes.join('\n')}\n`);
  },
};

/** The format a file name implies, or '' when it implies none. */
function formatOfName(path: string): string {
  const lower = path.toLowerCase();
  return lower.endsWith('.xes.gz') ? 'xes.gz' : lower.endsWith('.xes') ? 'xes' : lower.endsWith('.csv') ? 'csv' : '';
}
