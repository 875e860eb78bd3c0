/**
 * Models benchmark (issue 10): on a synthetic matrix of 100k rows × 40 float32 features (5%
 * missing) with known structure (a step, an x·y interaction, a smooth term; the rest noise):
 *   - training time of the histogram GBDT (L2 and log-loss, early stopping on a 20% validation
 *     split) and of the isolation forest (T = 100, ψ = 256) — goal < 1 min each;
 *   - fitting the tail-probability anomaly model (the one models/anomaly chose by measurement);
 *   - scoring rate of the ONNX model in onnxruntime-node beside the in-process scorer, for the
 *     anomaly model and the isolation forest (goal ≥ 100k cases/s) and the GBDTs;
 *   - TreeSHAP for 1,000 rows of each model (goal < 1 s), with the additivity check;
 *   - ONNX vs in-process agreement (max relative difference).
 * Flags: --rows N (default 100000), --features N (default 40), --seed N, --repeat N (scoring, best of).
 */
import { cpuUsage } from 'node:process';
import { predict } from '../models/ensemble/index.ts';
import type { TreeEnsemble } from '../models/ensemble/index.ts';
import { fitTailProbabilityModel } from '../models/anomaly/index.ts';
import { treeShap } from '../models/explain/index.ts';
import { ensembleToOnnx } from '../models/onnx/index.ts';
import { OnnxScorer } from '../models/runtime/index.ts';
import { trainGradientBoosting, trainIsolationForest } from '../models/train/index.ts';
import { benchArgs } from './lib/bench-args.ts';
import { printTable, secs, writeResults } from './lib/report.ts';

const { option } = benchArgs();
const rows = Number(option('--rows', '100000'));
const width = Number(option('--features', '40'));
const seed = Number(option('--seed', '42'));
const repeat = Number(option('--repeat', '3'));

function random01(s: number): () => number {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rows with known structure: y = 3·[x0 > 0.3] + 2·x1·x2 + sin(3·x3) + noise; the rest is noise. */
function dataset(n: number, s: number) {
  const random = random01(s);
  const features = new Float32Array(n * width);
  const target = new Float64Array(n);
  const binary = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < width; f++) features[i * width + f] = random() < 0.05 ? NaN : random() * 2 - 1;
    const x = (f: number) => (Number.isNaN(features[i * width + f]) ? 0 : features[i * width + f]);
    target[i] = 3 * Number(x(0) > 0.3) + 2 * x(1) * x(2) + Math.sin(3 * x(3)) + 0.3 * (random() - 0.5);
    binary[i] = Number(random() < 1 / (1 + Math.exp(-(target[i] - 1))));
  }
  return { features, target, binary };
}

function timed<T>(run: () => T): { value: T; wallMs: number; cpuMs: number } {
  const c0 = cpuUsage();
  const t0 = performance.now();
  const value = run();
  const wallMs = performance.now() - t0;
  const cpu = cpuUsage(c0);
  return { value, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** Best wall time of `repeat` runs, and the process CPU time of that run (onnxruntime's threads included). */
async function bestOf(run: () => Promise<unknown> | unknown): Promise<{ wallMs: number; cpuMs: number }> {
  let best = { wallMs: Infinity, cpuMs: Infinity };
  for (let k = 0; k < repeat; k++) {
    const c0 = cpuUsage();
    const t0 = performance.now();
    await run();
    const wallMs = performance.now() - t0;
    const cpu = cpuUsage(c0);
    if (wallMs < best.wallMs) best = { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
  }
  return best;
}

const names = Array.from({ length: width }, (_, f) => `feature ${f}`);
const trainRows = Math.floor(rows * 0.8);
const all = dataset(rows, seed);
const train = { features: all.features.subarray(0, trainRows * width), nRows: trainRows };
const valid = { features: all.features.subarray(trainRows * width), nRows: rows - trainRows };
console.log(
  `models bench: ${rows.toLocaleString('en-US')} rows × ${width} features (train ${trainRows}, validation ${rows - trainRows})`,
);

const gbdt = timed(() =>
  trainGradientBoosting(
    { ...train, labels: all.target.subarray(0, trainRows) },
    {
      featureNames: names,
      loss: 'l2',
      rounds: 200,
      learningRate: 0.1,
      maxLeaves: 31,
      validation: { ...valid, labels: all.target.subarray(trainRows) },
    },
  ),
);
const gbdtGoss = timed(() =>
  trainGradientBoosting(
    { ...train, labels: all.target.subarray(0, trainRows) },
    {
      featureNames: names,
      loss: 'l2',
      rounds: 200,
      learningRate: 0.1,
      maxLeaves: 31,
      goss: { topShare: 0.2, otherShare: 0.1 },
      validation: { ...valid, labels: all.target.subarray(trainRows) },
    },
  ),
);
const logistic = timed(() =>
  trainGradientBoosting(
    { ...train, labels: all.binary.subarray(0, trainRows) },
    {
      featureNames: names,
      loss: 'log-loss',
      rounds: 200,
      learningRate: 0.1,
      maxLeaves: 31,
      validation: { ...valid, labels: all.binary.subarray(trainRows) },
    },
  ),
);
const forest = timed(() =>
  trainIsolationForest(all.features, rows, { featureNames: names, trees: 100, sampleSize: 256, seed }),
);
const tail = timed(
  () =>
    fitTailProbabilityModel({
      rows,
      columns: width,
      values: all.features,
      features: names.map((name) => ({ name, unit: 'value' as const, tail: 'both' as const, skewed: false })),
      cases: Int32Array.from({ length: rows }, (_, i) => i),
    }).ensemble,
);

const trainingRows = [
  [
    'GBDT L2 (early stopping)',
    `${gbdt.value.ensemble.trees.length} trees`,
    secs(gbdt.wallMs / 1000),
    secs(gbdt.cpuMs / 1000),
    '< 60 s',
  ],
  [
    'GBDT L2, GOSS 0.2 + 0.1 of the rows',
    `${gbdtGoss.value.ensemble.trees.length} trees`,
    secs(gbdtGoss.wallMs / 1000),
    secs(gbdtGoss.cpuMs / 1000),
    '< 60 s',
  ],
  [
    'GBDT log-loss (early stopping)',
    `${logistic.value.ensemble.trees.length} trees`,
    secs(logistic.wallMs / 1000),
    secs(logistic.cpuMs / 1000),
    '< 60 s',
  ],
  [
    'isolation forest',
    `${forest.value.trees.length} trees`,
    secs(forest.wallMs / 1000),
    secs(forest.cpuMs / 1000),
    '< 60 s',
  ],
  [
    'anomaly model (tail probabilities)',
    `${tail.value.trees.length} trees`,
    secs(tail.wallMs / 1000),
    secs(tail.cpuMs / 1000),
    '< 60 s',
  ],
];
printTable('Training', ['model', 'size', 'wall', 'cpu', 'goal'], trainingRows);
const bestLoss = (r: { bestRound: number; validationLoss: number[] }) => r.validationLoss[r.bestRound];
console.log(
  `validation loss (½ squared error): all rows ${bestLoss(gbdt.value).toFixed(4)}, GOSS ${bestLoss(gbdtGoss.value).toFixed(4)}`,
);

async function scoring(model: TreeEnsemble) {
  const bytes = ensembleToOnnx(model);
  const scorer = await OnnxScorer.open(bytes);
  const onnx = await scorer.score(all.features, rows);
  const inProcess = predict(model, all.features, rows);
  // ONNX sums the trees in float32: compare relative to max(|score|, 1) (a score near 0 has an
  // absolute error of float32 rounding, not a relative one) and report the absolute error too.
  let worstRelative = 0;
  let worstAbsolute = 0;
  for (let i = 0; i < rows; i++) {
    const diff = Math.abs(onnx.output[i] - inProcess.output[i]);
    worstAbsolute = Math.max(worstAbsolute, diff);
    worstRelative = Math.max(worstRelative, diff / Math.max(Math.abs(inProcess.output[i]), 1));
  }
  const onnxTime = await bestOf(() => scorer.score(all.features, rows));
  const inProcessTime = await bestOf(() => predict(model, all.features, rows));
  await scorer.close();
  return {
    onnxBytes: bytes.length,
    onnx: {
      ...onnxTime,
      rowsPerSecond: rows / (onnxTime.wallMs / 1000),
      rowsPerCpuSecond: rows / (onnxTime.cpuMs / 1000),
    },
    inProcess: {
      ...inProcessTime,
      rowsPerSecond: rows / (inProcessTime.wallMs / 1000),
      rowsPerCpuSecond: rows / (inProcessTime.cpuMs / 1000),
    },
    maxRelativeDifference: worstRelative,
    maxAbsoluteDifference: worstAbsolute,
  };
}

function explaining(model: TreeEnsemble) {
  const n = 1000;
  const head = all.features.subarray(0, n * width);
  const { value: shap, wallMs, cpuMs } = timed(() => treeShap(model, head, n));
  const { raw } = predict(model, head, n);
  let worst = 0;
  for (let r = 0; r < n; r++) {
    let sum = shap.baseValue;
    for (let f = 0; f < width; f++) sum += shap.contributions[r * width + f];
    worst = Math.max(worst, Math.abs(sum - raw[r]) / Math.max(Math.abs(raw[r]), 1));
  }
  return { rows: n, wallMs, cpuMs, maxAdditivityError: worst };
}

const scored = {
  anomaly: await scoring(tail.value),
  isolationForest: await scoring(forest.value),
  gbdt: await scoring(gbdt.value.ensemble),
  logistic: await scoring(logistic.value.ensemble),
};
const perSecond = (v: number) => `${Math.round(v).toLocaleString('en-US')}/s`;
const scoringRow = (name: string, r: Awaited<ReturnType<typeof scoring>>, goal: string) => [
  name,
  `${perSecond(r.onnx.rowsPerSecond)} (${perSecond(r.onnx.rowsPerCpuSecond)} cpu)`,
  `${perSecond(r.inProcess.rowsPerSecond)} (${perSecond(r.inProcess.rowsPerCpuSecond)} cpu)`,
  r.maxRelativeDifference.toExponential(1),
  goal,
];
printTable(
  `Scoring ${rows.toLocaleString('en-US')} rows, best of ${repeat}: rows per wall second (per CPU second)`,
  ['model', 'ONNX (onnxruntime)', 'in-process', 'max rel. diff', 'goal'],
  [
    scoringRow('anomaly model', scored.anomaly, 'ONNX ≥ 100,000/s; ≤ 1e-5'),
    scoringRow('isolation forest', scored.isolationForest, 'ONNX ≥ 100,000/s; ≤ 1e-5'),
    scoringRow('GBDT L2', scored.gbdt, '≤ 1e-5'),
    scoringRow('GBDT log-loss', scored.logistic, '≤ 1e-5'),
  ],
);

const explained = {
  anomaly: explaining(tail.value),
  isolationForest: explaining(forest.value),
  gbdt: explaining(gbdt.value.ensemble),
  logistic: explaining(logistic.value.ensemble),
};
printTable(
  'TreeSHAP, 1,000 rows',
  ['model', 'wall', 'cpu', 'max |base + Σφ − raw| / max(|raw|, 1)', 'goal'],
  [
    [
      'anomaly model',
      secs(explained.anomaly.wallMs / 1000),
      secs(explained.anomaly.cpuMs / 1000),
      explained.anomaly.maxAdditivityError.toExponential(1),
      '< 1 s',
    ],
    [
      'isolation forest',
      secs(explained.isolationForest.wallMs / 1000),
      secs(explained.isolationForest.cpuMs / 1000),
      explained.isolationForest.maxAdditivityError.toExponential(1),
      '< 1 s',
    ],
    [
      'GBDT L2',
      secs(explained.gbdt.wallMs / 1000),
      secs(explained.gbdt.cpuMs / 1000),
      explained.gbdt.maxAdditivityError.toExponential(1),
      '< 1 s',
    ],
    [
      'GBDT log-loss',
      secs(explained.logistic.wallMs / 1000),
      secs(explained.logistic.cpuMs / 1000),
      explained.logistic.maxAdditivityError.toExponential(1),
      '< 1 s',
    ],
  ],
);

const trainingOf = (
  t: { wallMs: number; cpuMs: number },
  ensemble: TreeEnsemble,
  extra: Record<string, unknown> = {},
) => ({
  wallMs: t.wallMs,
  cpuMs: t.cpuMs,
  trees: ensemble.trees.length,
  nodes: ensemble.trees.reduce((s, tree) => s + tree.feature.length, 0),
  ...extra,
});
const path = writeResults('models', {
  rows,
  features: width,
  training: {
    gbdt: trainingOf(gbdt, gbdt.value.ensemble, {
      loss: 'l2',
      validationLoss: gbdt.value.validationLoss[gbdt.value.bestRound],
    }),
    gbdtGoss: trainingOf(gbdtGoss, gbdtGoss.value.ensemble, {
      loss: 'l2',
      goss: { topShare: 0.2, otherShare: 0.1 },
      validationLoss: bestLoss(gbdtGoss.value),
    }),
    logistic: trainingOf(logistic, logistic.value.ensemble, {
      loss: 'log-loss',
      validationLoss: logistic.value.validationLoss[logistic.value.bestRound],
    }),
    isolationForest: trainingOf(forest, forest.value, { sampleSize: 256 }),
    anomaly: trainingOf(tail, tail.value, { model: 'tail probabilities' }),
  },
  scoring: scored,
  treeShap: explained,
  goals: { trainingMs: 60_000, anomalyOnnxRowsPerSecond: 100_000, treeShap1000RowsMs: 1000, relativeDifference: 1e-5 },
});
console.log(`\nwrote ${path}`);
