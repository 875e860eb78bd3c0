/**
 * Running-case models benchmark (issue 10): on the generator's order-to-cash log with seasonal
 * load, cut at 80% of arrivals (work in progress), the wall and CPU time of
 *   - encoding prefixes (features incl. the workload sweep),
 *   - training remaining time, SLA breach (240 h) and the bottleneck model end to end
 *     (split, early stopping, evaluation against the baselines, refit) — goal < 1 min each at 100k cases,
 *   - predicting every running case with TreeSHAP explanations,
 * with the headline accuracy figures beside them (MAE against the best baseline, AUC).
 * Flags: --cases N (default 100000), --seed N.
 */
import { cpuUsage } from 'node:process';
import { fitPrefixEncoding } from '../models/features/prefix/prefix-encoding.ts';
import { encodePrefixes } from '../models/features/prefix/prefix-features.ts';
import { completedCasePrefixes } from '../models/features/prefix/prefix-rows.ts';
import { casesSafeToLearnFrom, completedCases } from '../models/predict/end-activities.ts';
import { generatedLog } from '../models/predict/generated-log.fixture.ts';
import { predictForRunningCases, trainBottleneckModel, trainRunningCaseModel } from '../models/predict/index.ts';
import { SINCE_LAST_EVENT_HOURS } from '../models/predict/train-running-case.ts';
import { benchArgs } from './lib/bench-args.ts';
import { printTable, secs, writeResults } from './lib/report.ts';

const { option } = benchArgs();
const cases = Number(option('--cases', '100000'));
const seed = Number(option('--seed', '13'));

function timed<T>(run: () => T): { value: T; wall: number; cpu: number } {
  const c0 = cpuUsage();
  const t0 = performance.now();
  const value = run();
  const c = cpuUsage(c0);
  return { value, wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

const g = timed(() => generatedLog(cases, { cutAtShare: 0.8, seed }));
const log = g.value.log;
const closes = completedCases(log, ['Close Order']);
const safe = casesSafeToLearnFrom(log, closes);
const encoding = timed(() => {
  const rows = completedCasePrefixes(log, safe, { maxLength: 40, sinceLastEventHours: SINCE_LAST_EVENT_HOURS });
  return encodePrefixes(log, rows, fitPrefixEncoding(log, safe), closes);
});
const remaining = timed(() => trainRunningCaseModel(log, { kind: 'remaining-time' }));
const sla = timed(() => trainRunningCaseModel(log, { kind: 'sla-breach', slaHours: 240 }));
const bottleneck = timed(() => trainBottleneckModel(log));
const predicted = timed(() =>
  predictForRunningCases(
    log,
    { remainingTime: remaining.value.model, slaBreach: sla.value.model },
    { now: g.value.cutAt },
  ),
);

const r = remaining.value.evaluation;
const s = sla.value.evaluation;
const accuracy =
  r.kind === 'remaining-time' && s.kind === 'sla-breach'
    ? {
        maeHours: r.atEvents.maeHours,
        bestBaselineMaeHours: Math.min(...r.atEvents.baselines.map((b) => b.value)),
        workInProgressMaeHours: r.workInProgress.maeHours,
        workInProgressBestBaselineMaeHours: r.workInProgress.bestBaseline.value,
        slaAuc: s.atEvents.auc,
        slaBrier: s.atEvents.brier,
        topBottleneck: bottleneck.value.activities[0].activity,
      }
    : {};
const rows: (string | number)[][] = [
  ['generate and build the log', `${log.caseCount} cases, ${log.eventCount} events`, secs(g.wall), secs(g.cpu), ''],
  [
    'encode prefixes',
    `${encoding.value.rows} rows × ${encoding.value.names.length}`,
    secs(encoding.wall),
    secs(encoding.cpu),
    '',
  ],
  [
    'train remaining time',
    `${remaining.value.rounds} trees`,
    secs(remaining.wall),
    secs(remaining.cpu),
    '< 60 s at 100k cases',
  ],
  ['train SLA breach', `${sla.value.rounds} trees`, secs(sla.wall), secs(sla.cpu), '< 60 s at 100k cases'],
  [
    'train bottleneck',
    `${bottleneck.value.activities.length} activities`,
    secs(bottleneck.wall),
    secs(bottleneck.cpu),
    '< 60 s at 100k cases',
  ],
  [
    'predict running cases (with TreeSHAP)',
    `${predicted.value.runningCases} cases`,
    secs(predicted.wall),
    secs(predicted.cpu),
    '',
  ],
];
printTable(
  `Running-case models, ${cases} generated cases (seed ${seed})`,
  ['step', 'size', 'wall', 'cpu', 'goal'],
  rows,
);
console.log(JSON.stringify(accuracy));
writeResults('predict', {
  cases,
  seed,
  steps: rows.map(([step, size, wall, cpu]) => ({ step, size, wall, cpu })),
  accuracy,
});
