import { has, requirePositional } from '../args.ts';
import { printJson, type Command } from '../command.ts';

const USAGE = 'gemba models WS [--json]';

/** The model versions of a workspace, as the Models panel lists them (the same call). */
export const modelsCommand: Command = {
  name: 'models',
  usage: USAGE,
  summary:
    'Model versions with their data fingerprint, basis, metrics against baselines, staleness and feature drift; what can be trained.',
  valueFlags: [],
  switches: ['json'],
  async run(args, ctx) {
    const overview = await ctx.api.models(requirePositional(args, 0, 'the workspace', USAGE));
    if (has(args, 'json')) {
      printJson(ctx, overview);
      return;
    }
    const lines = overview.versions.map((v) => {
      const drifted = v.drift.filter((d) => d.level === 'shift').length;
      const flags = [
        v.current ? 'current' : null,
        v.stale ? 'stale: trained on other data' : null,
        drifted ? `${drifted} features shifted` : null,
      ]
        .filter(Boolean)
        .join(', ');
      const line = `${v.label.padEnd(18)} ${v.createdAt}  ${v.dataFingerprint}  ${v.basis.cases} cases${flags ? `  (${flags})` : ''}`;
      return v.baselineWarning ? `${line}\n    ${v.baselineWarning}` : line;
    });
    const open = overview.trainable.filter((t) => !t.available).map((t) => `${t.kind}: ${t.reason}`);
    ctx.stdout.write(
      [
        ...(lines.length ? lines : ['no model trained yet']),
        ...(open.length ? ['not trainable now:', ...open.map((o) => `  ${o}`)] : []),
      ].join('\n') + '\n',
    );
  },
};
