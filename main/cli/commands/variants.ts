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
    const list = await ctx.api.variantList(requirePositional(args, 0, 'the workspace', USAGE), filtersFrom(args));
    if (has(args, 'json')) {
      printJson(ctx, list);
      return;
    }
    const lines = list.map((v) => `${String(v.count).padStart(8)}  ${(100 * v.share).toFixed(1).padStart(5)}%  ${v.activities.join(' → ')}`);
    ctx.stdout.write(`${list.length} variants\n${lines.join('\n')}\n`);
  },
};
