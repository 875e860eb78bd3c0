import { STATISTICS_BY, type StatisticsBy } from '../../../preload/api.ts';
import { InputError } from '../../engine/errors.ts';
import { formatDuration } from '../../engine/map/index.ts';
import { flag, has, requirePositional } from '../args.ts';
import { printJson, type Command } from '../command.ts';
import { filtersFrom } from '../log-options.ts';

const USAGE = 'gemba statistics WS [--by activity|resource|attribute NAME] [--filter JSON] [--json]';

export const statisticsCommand: Command = {
  name: 'statistics',
  usage: USAGE,
  summary:
    'Per activity, resource or attribute value: frequency, case frequency, duration mean, median, P90, P95, SD, min, max.',
  valueFlags: ['by', 'filter'],
  switches: ['json'],
  async run(args, ctx) {
    const ws = requirePositional(args, 0, 'the workspace', USAGE);
    const by = (flag(args, 'by') ?? 'activity') as StatisticsBy;
    if (!STATISTICS_BY.includes(by))
      throw new InputError(`--by must be activity, resource or attribute, not "${by}".`, { hint: `Usage: ${USAGE}` });
    const attribute =
      by === 'attribute' ? requirePositional(args, 1, 'the attribute name after --by attribute', USAGE) : undefined;
    const table = await ctx.api.statisticsTable(ws, { by, attribute, filters: filtersFrom(args) });
    if (has(args, 'json')) {
      printJson(ctx, table);
      return;
    }
    const d = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatDuration(v)).padStart(9);
    const lines = table.rows.map((r) => {
      const s = r.durationSeconds;
      return `${String(r.frequency).padStart(8)} ${String(r.caseFrequency).padStart(7)} ${d(s?.mean)} ${d(s?.median)} ${d(s?.p90)} ${d(s?.p95)} ${d(s?.standardDeviation)} ${d(s?.min)} ${d(s?.max)}  ${r.value}`;
    });
    const title = by === 'attribute' ? `${table.level} attribute "${attribute}"` : by;
    ctx.stdout.write(
      [
        `${table.rows.length} rows by ${title} over ${table.cases} cases, ${table.events} events; durations: ${table.durationMeaning}`,
        `${'events'.padStart(8)} ${'cases'.padStart(7)} ${'mean'.padStart(9)} ${'median'.padStart(9)} ${'P90'.padStart(9)} ${'P95'.padStart(9)} ${'SD'.padStart(9)} ${'min'.padStart(9)} ${'max'.padStart(9)}  value`,
        ...lines,
      ].join('\n') + '\n',
    );
  },
};
