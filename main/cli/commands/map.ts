import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { standaloneSvg } from '../../engine/map/index.ts';
import { InputError } from '../../engine/errors.ts';
import { flag, has, numberFlag, requirePositional } from '../args.ts';
import { printJson, type Command } from '../command.ts';
import { calendarFrom, filtersFrom } from '../log-options.ts';

const USAGE = 'gemba map WS --out map.svg [--activities 0..1] [--paths 0..1] [--view frequency|performance] [--filter JSON] [--calendar FILE] [--json]';

export const mapCommand: Command = {
  name: 'map',
  usage: USAGE,
  summary: 'Draw the process map (Graphviz layout) as an SVG file, simplified by the two sliders.',
  valueFlags: ['out', 'activities', 'paths', 'view', 'filter', 'calendar'],
  switches: ['json'],
  async run(args, ctx) {
    const path = requirePositional(args, 0, 'the workspace', USAGE);
    const out = flag(args, 'out');
    if (!out) throw new InputError('Missing --out FILE.svg.', { hint: `Usage: ${USAGE}` });
    const view = flag(args, 'view') ?? 'frequency';
    if (view !== 'frequency' && view !== 'performance') throw new InputError(`--view must be frequency or performance, not "${view}".`);
    const { svg: drawing, basis } = await ctx.api.processMap(path, {
      activities: numberFlag(args, 'activities', 1, 0, 1),
      paths: numberFlag(args, 'paths', 1, 0, 1),
      view,
      filters: filtersFrom(args),
      calendar: calendarFrom(args),
    });
    const svg = standaloneSvg(drawing);
    const target = resolve(out);
    writeFileSync(target, svg);
    if (has(args, 'json')) printJson(ctx, { out: target, bytes: Buffer.byteLength(svg), basis });
    else ctx.stdout.write(`Wrote ${target}\n`);
  },
};
