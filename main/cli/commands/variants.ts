import { filterMask } from '../../engine/analysis/filters.ts';
import { variants } from '../../engine/analysis/variants.ts';
import { has, requirePositional } from '../args.ts';
import { printJson, type Command } from '../command.ts';
import { filtersFrom } from '../log-options.ts';

const USAGE = 'gemba variants WS [--filter JSON] [--json]';

export const variantsCommand: Command = {
  name: 'variants',
  usage: USAGE,
  summary: 'Variants (distinct activity sequences), most frequent first.',
  valueFlags: ['filter'],
  switches: ['json'],
  async run(args, ctx) {
    const { log } = ctx.engine.sessions.currentLog(requirePositional(args, 0, 'the workspace', USAGE));
    const filters = filtersFrom(args);
    const list = variants(log, filterMask(log, filters));
    if (has(args, 'json')) {
      printJson(ctx, list);
      return;
    }
    const lines = list.map((v) => `${String(v.count).padStart(8)}  ${(100 * v.share).toFixed(1).padStart(5)}%  ${v.activities.join(' → ')}`);
    ctx.stdout.write(`${list.length} variants\n${lines.join('\n')}\n`);
  },
};
