import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { standaloneSvg } from '../../engine/map/index.ts';
import { InputError } from '../../engine/errors.ts';
import { flag, has, numberFlag, requirePositional } from '../args.ts';
import { printJson, type Command } from '../command.ts';
import { calendarFrom, filtersFrom } from '../log-options.ts';

const USAGE =
  'gemba map WS --out map.svg [--of activities|handover] [--activities 0..1] [--paths 0..1] [--view frequency|performance] [--filter JSON] [--calendar FILE] [--json]';

export const mapCommand: Command = {
  name: 'map',
  usage: USAGE,
  summary:
    'Draw the process map (or with --of handover the resource → resource handover of work) as an SVG file, simplified by the two sliders.',
  valueFlags: ['out', 'of', 'activities', 'paths', 'view', 'filter', 'calendar'],
  switches: ['json'],
  async run(args, ctx) {
    const path = requirePositional(args, 0, 'the workspace', USAGE);
    const out = flag(args, 'out');
    if (!out) throw new InputError('Missing --out FILE.svg.', { hint: `Usage: ${USAGE}` });
    const view = flag(args, 'view') ?? 'frequency';
    if (view !== 'frequency' && view !== 'performance')
      throw new InputError(`--view must be frequency or performance, not "${view}".`);
    const of = flag(args, 'of') ?? 'activities';
    if (of !== 'activities' && of !== 'handover')
      throw new InputError(`--of must be activities or handover, not "${of}".`, { hint: `Usage: ${USAGE}` });
    const request = {
      // On a handover map the activities slider keeps the most active resources.
      activities: numberFlag(args, 'activities', 1, 0, 1),
      paths: numberFlag(args, 'paths', 1, 0, 1),
      view,
      filters: filtersFrom(args),
      calendar: calendarFrom(args),
    } as const;
    const {
      svg: drawing,
      basis,
      graph,
    } = of === 'handover' ? await ctx.api.handoverMap(path, request) : await ctx.api.processMap(path, request);
    const svg = standaloneSvg(drawing);
    const target = resolve(out);
    writeFileSync(target, svg);
    if (has(args, 'json'))
      printJson(ctx, {
        out: target,
        bytes: Buffer.byteLength(svg),
        of,
        nodes: graph.nodes.length,
        paths: graph.edges.length,
        basis,
      });
    else ctx.stdout.write(`Wrote ${target}\n`);
  },
};
