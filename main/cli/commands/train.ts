import { filterMask } from '../../engine/analysis/filters.ts';
import { InputError } from '../../engine/errors.ts';
import { has, flag, requirePositional } from '../args.ts';
import { printJson, type Command } from '../command.ts';
import { filtersFrom } from '../log-options.ts';
import { MODEL_TRAINERS, type TrainOutcome } from './model-trainers.ts';

const USAGE = `gemba train WS [--model ${MODEL_TRAINERS.map((t) => t.kind).join('|')}] [--filter JSON] [--timezone ZONE] [--json]`;

export const trainCommand: Command = {
  name: 'train',
  usage: USAGE,
  summary: 'Trains local models on the current log (every model the log supports, or --model), stores them with their data fingerprint and scores findings.',
  valueFlags: ['model', 'filter', ...new Set(MODEL_TRAINERS.flatMap((t) => t.valueFlags))],
  switches: ['json'],
  async run(args, ctx) {
    const { workspace, log, basis } = ctx.engine.sessions.currentLog(requirePositional(args, 0, 'the workspace', USAGE));
    const filters = filtersFrom(args);
    const mask = filterMask(log, filters);
    const wanted = flag(args, 'model');
    let trainers = MODEL_TRAINERS;
    if (wanted !== undefined) {
      const trainer = MODEL_TRAINERS.find((t) => t.kind === wanted);
      if (!trainer) throw new InputError(`--model ${wanted} is not a model Gemba trains.`, { hint: `Choose one of: ${MODEL_TRAINERS.map((t) => t.kind).join(', ')}.` });
      const why = trainer.unsupported(log, args);
      if (why) throw new InputError(`The ${trainer.kind} model cannot be trained on this log: ${why}.`);
      trainers = [trainer];
    }
    const models: TrainOutcome[] = [];
    const skipped: { kind: string; reason: string }[] = [];
    const json = has(args, 'json');
    for (const trainer of trainers) {
      const why = trainer.unsupported(log, args);
      if (why) {
        skipped.push({ kind: trainer.kind, reason: why });
        continue;
      }
      const outcome = await trainer.train({
        workspace,
        log,
        mask,
        basis: { importId: basis.importId, fileName: basis.fileName, sha256: basis.sha256, fixesInForce: basis.fixesInForce.map((f) => ({ id: f.id, kind: f.fix.kind })), filters },
        args,
        onProgress: (phase, done) => {
          if (!json) ctx.stderr.write(`${trainer.kind}: ${phase} (${Math.round(100 * done)}%)\n`);
        },
      });
      models.push(outcome);
    }
    if (json) {
      printJson(ctx, { basis, models, skipped });
      return;
    }
    const lines = models.map((m) => {
      const found = m.findings ? `; findings: ${Object.entries(m.findings).map(([k, n]) => `${n} ${k}`).join(', ')}` : '';
      return `${m.modelVersion} (${m.dataFingerprint}) trained in ${(m.trainingMs / 1000).toFixed(1)} s${found}`;
    });
    for (const s of skipped) lines.push(`${s.kind}: skipped, ${s.reason}`);
    ctx.stdout.write(`${lines.join('\n')}\n`);
  },
};
