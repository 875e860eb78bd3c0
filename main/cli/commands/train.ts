import { TRAINABLE_MODELS, type TrainableModel, type TrainingRequest } from '../../../preload/api.ts';
import { InputError } from '../../engine/errors.ts';
import { flag, flagValues, has, requirePositional } from '../args.ts';
import { awaitJob } from '../await-job.ts';
import { printJson, type Command } from '../command.ts';
import { filtersFrom } from '../log-options.ts';
import { slaHoursOf } from './sla-flag.ts';

const USAGE = `gemba train WS [--model ${TRAINABLE_MODELS.join('|')}] [--sla HOURS] [--outcome ACTIVITY] [--end-activity A …] [--segment-by ATTR] [--filter JSON] [--timezone ZONE] [--json]`;

/**
 * Trains through the contract, as the Models view does: `startTraining` starts a job of kind
 * `train` on a thread of its own (main/service/model-training.ts), awaited here with its progress.
 */
export const trainCommand: Command = {
  name: 'train',
  usage: USAGE,
  summary:
    'Trains local models on the current log (every model the log supports, or --model), stores them with their data fingerprint and scores findings.',
  valueFlags: ['model', 'filter', 'sla', 'outcome', 'end-activity', 'segment-by', 'timezone'],
  switches: ['json'],
  async run(args, ctx) {
    const path = requirePositional(args, 0, 'the workspace', USAGE);
    const wanted = flag(args, 'model');
    if (wanted !== undefined && !TRAINABLE_MODELS.includes(wanted as TrainableModel)) {
      throw new InputError(`--model ${wanted} is not a model Gemba trains.`, {
        hint: `Choose one of: ${TRAINABLE_MODELS.join(', ')}.`,
      });
    }
    const sla = slaHoursOf(args);
    const outcome = flag(args, 'outcome');
    const endActivities = flagValues(args, 'end-activity');
    const segmentBy = flag(args, 'segment-by');
    const timeZone = flag(args, 'timezone');
    const filters = filtersFrom(args);
    const request: TrainingRequest = {
      ...(wanted !== undefined ? { models: [wanted as TrainableModel] } : {}),
      ...(sla !== null ? { slaHours: sla } : {}),
      ...(outcome !== undefined ? { outcome } : {}),
      ...(endActivities.length ? { endActivities } : {}),
      ...(segmentBy !== undefined ? { segmentBy } : {}),
      ...(timeZone !== undefined ? { timeZone } : {}),
      ...(filters.length ? { filters } : {}),
    };
    const json = has(args, 'json');
    const { basis } = ctx.engine.sessions.currentLog(path);
    // On a terminal one line rewritten in place; piped or logged, one line per model started.
    const terminal = (ctx.stderr as NodeJS.WriteStream).isTTY === true;
    let shownModel = '';
    const result = await awaitJob(
      ctx.api,
      'train',
      () => ctx.api.startTraining(path, request),
      ({ phase, done, total }) => {
        if (json || total <= 0) return;
        const percent = `${Math.round((100 * done) / total)}%`;
        if (terminal) ctx.stderr.write(`\r${phase} (${percent})`.padEnd(80));
        else {
          const model = phase.split(': ')[0];
          if (model !== shownModel && !phase.endsWith(': done')) ctx.stderr.write(`training ${model} (${percent})\n`);
          shownModel = model;
        }
      },
    );
    if (terminal && !json) ctx.stderr.write('\n');
    if (json) {
      printJson(ctx, { basis, ...result });
      return;
    }
    const lines = result.models.map((m) => {
      const found = m.findings
        ? `; findings: ${Object.entries(m.findings)
            .map(([k, n]) => `${n} ${k}`)
            .join(', ')}`
        : '';
      return `${m.modelVersion} (${m.dataFingerprint}) trained in ${(m.trainingMs / 1000).toFixed(1)} s${found}`;
    });
    for (const s of result.skipped) lines.push(`${s.kind}: skipped, ${s.reason}`);
    ctx.stdout.write(`${lines.join('\n')}\n`);
  },
};
