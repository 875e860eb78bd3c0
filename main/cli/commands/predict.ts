import { InputError } from '../../engine/errors.ts';
import { machineTimeZone } from '../../engine/import/timestamps/index.ts';
import { ModelRegistry } from '../../../models/registry/index.ts';
import {
  modelInUse,
  predictForRunningCases,
  runningCaseEntry,
  runningCaseModelOf,
  trainRunningCaseModel,
  type RunningCaseModel,
  type RunningCaseModels,
  type RunningCaseTarget,
} from '../../../models/predict/index.ts';
import { flag, flagValues, has, numberFlag, requirePositional } from '../args.ts';
import { printJson, type Command } from '../command.ts';
import { slaHoursOf } from './sla-flag.ts';

const USAGE =
  'gemba predict WS [--end-activity A …] [--sla HOURS] [--outcome ACTIVITY] [--now ISO-TIME] [--top N] [--timezone ZONE] [--json]';

/**
 * Remaining time, SLA risk and outcome for every running case, with why. Uses the newest
 * matching models of the workspace's registry; a model that is missing (none yet, or none for
 * this SLA or outcome) is trained now and saved, as `gemba train` would.
 */
export const predictCommand: Command = {
  name: 'predict',
  usage: USAGE,
  summary: 'Remaining time, SLA-breach probability and outcome of every running case, each explained (TreeSHAP).',
  valueFlags: ['end-activity', 'sla', 'outcome', 'now', 'top', 'timezone'],
  switches: ['json'],
  async run(args, ctx) {
    const { workspace, log, basis } = ctx.engine.sessions.currentLog(
      requirePositional(args, 0, 'the workspace', USAGE),
    );
    const endActivities = flagValues(args, 'end-activity');
    const sla = slaHoursOf(args);
    const outcome = flag(args, 'outcome');
    const nowText = flag(args, 'now');
    const now = nowText === undefined ? undefined : Date.parse(nowText);
    if (now !== undefined && Number.isNaN(now))
      throw new InputError(`--now must be a date and time such as 2024-05-01T12:00:00Z, not "${nowText}".`);
    const registry = new ModelRegistry(workspace);
    const json = has(args, 'json');

    const modelFor = (target: RunningCaseTarget): RunningCaseModel => {
      // The version in use: the newest that beats its best baseline (models/predict/model-in-use.ts).
      const record = modelInUse(registry, target.kind)?.record;
      if (record) {
        const model = runningCaseModelOf(record);
        if (JSON.stringify(model.target) === JSON.stringify(target)) return model;
      }
      if (!json) ctx.stderr.write(`No ${target.kind} model for this yet: training one now.\n`);
      const started = performance.now();
      const trained = trainRunningCaseModel(log, target, {
        endActivities: endActivities.length ? endActivities : undefined,
        timeZone: flag(args, 'timezone') ?? machineTimeZone(),
      });
      registry.save(
        runningCaseEntry(
          trained.model,
          trained.evaluation,
          {
            importId: basis.importId,
            fileName: basis.fileName,
            sha256: basis.sha256,
            fixesInForce: basis.fixesInForce.map((f) => ({ id: f.id, kind: f.fix.kind })),
            filters: [],
            cases: log.caseCount,
            events: log.eventCount,
          },
          performance.now() - started,
        ),
      );
      return trained.model;
    };
    const models: RunningCaseModels = {
      remainingTime: modelFor({ kind: 'remaining-time' }),
      ...(sla !== null ? { slaBreach: modelFor({ kind: 'sla-breach', slaHours: sla }) } : {}),
      ...(outcome !== undefined ? { outcome: modelFor({ kind: 'outcome', activity: outcome }) } : {}),
    };
    const result = predictForRunningCases(log, models, {
      now,
      endActivities: endActivities.length ? endActivities : undefined,
      topFeatures: numberFlag(args, 'top', 5, 1, 50),
    });
    if (json) {
      printJson(ctx, { ...result, basis });
      return;
    }
    const hours = (s: number | null) =>
      s === null
        ? ''
        : s < 48 * 3600
          ? `${(s / 3600).toFixed(1)} h`
          : `${(s / 86_400).toLocaleString('en', { maximumFractionDigits: 1 })} d`;
    const unit = result.predictions[0]?.explanationUnit;
    const lines = [
      `${result.runningCases} running cases at ${result.now} (end activities: ${result.endActivities.join(', ')})`,
      ...(unit ? [`Why: each feature's value, and in brackets what it adds to the forecast in ${unit}.`] : []),
    ];
    for (const p of result.predictions) {
      const risk = p.slaBreachProbability === null ? '' : `, SLA risk ${(100 * p.slaBreachProbability).toFixed(0)}%`;
      const why = p.explanation
        .slice(0, 3)
        .map(
          (c) =>
            `${c.feature} = ${c.value === null ? 'missing' : +c.value.toFixed(2)} (${c.contribution >= 0 ? '+' : ''}${c.contribution.toFixed(2)})`,
        );
      lines.push(
        `${p.case}: after ${p.lastActivity}, about ${hours(p.remainingSeconds)} to go${risk}; ${why.join('; ')}`,
      );
    }
    ctx.stdout.write(`${lines.join('\n')}\n`);
  },
};
