/**
 * Anomaly benchmark (issue 10) on the generator's order-to-cash log, built in memory (no file):
 *   - training time of the case-anomaly model end to end (process statistics, features, the
 *     tail-probability ensemble, ONNX export) on 100k cases — goal < 1 min;
 *   - ONNX scoring rate in onnxruntime-node beside the in-process scorer — goal ≥ 100k cases/s;
 *   - TreeSHAP for the 1,000 highest-scoring cases — goal < 1 s — with the additivity check;
 *   - precision at k (k = injected anomalies) at this size.
 * Flags: --cases N (default 100000), --seed N, --repeat N (scoring, best of).
 */
import { predict } from '../models/ensemble/index.ts';
import { treeShap } from '../models/explain/index.ts';
import { encodeCases, fitProcessStatistics } from '../models/features/index.ts';
import { generatedLog } from '../models/features/generated-log.fixture.ts';
import { fitTailProbabilityModel, precisionAtK, topK, trainAnomalyModel } from '../models/anomaly/index.ts';
import { ensembleToOnnx } from '../models/onnx/index.ts';
import { OnnxScorer } from '../models/runtime/index.ts';
import { benchArgs } from './lib/bench-args.ts';
import { printTable, secs, writeResults } from './lib/report.ts';

const { option } = benchArgs();
const cases = Number(option('--cases', '100000'));
const seed = Number(option('--seed', '7'));
const repeat = Number(option('--repeat', '3'));

function timed<T>(run: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = run();
  return { ms: performance.now() - t0, value };
}

const generated = timed(() => generatedLog(cases, seed));
const { log, anomalies } = generated.value;
const basis = { importId: 0, fileName: 'generated', sha256: '', fixesInForce: [], filters: [] };
const stats = timed(() => fitProcessStatistics(log));
const matrix = timed(() => encodeCases(log, stats.value));
const tail = timed(() => fitTailProbabilityModel(matrix.value));
const onnx = timed(() => ensembleToOnnx(tail.value.ensemble));
const total = timed(() => trainAnomalyModel(log, { basis }));
const m = matrix.value;

let inProcessMs = Infinity;
let raw: Float64Array<ArrayBufferLike> = new Float64Array(0);
for (let k = 0; k < repeat; k++) {
  const t = timed(() => predict(tail.value.ensemble, m.values, m.rows).raw);
  if (t.ms < inProcessMs) [inProcessMs, raw] = [t.ms, t.value];
}
const scorer = await OnnxScorer.open(onnx.value);
let onnxMs = Infinity;
let onnxScores: Float32Array<ArrayBufferLike> = new Float32Array(0);
for (let k = 0; k < repeat; k++) {
  const t0 = performance.now();
  const s = (await scorer.score(m.values, m.rows)).output;
  const ms = performance.now() - t0;
  if (ms < onnxMs) [onnxMs, onnxScores] = [ms, s];
}
await scorer.close();
let maxRel = 0;
for (let r = 0; r < m.rows; r++)
  maxRel = Math.max(maxRel, Math.abs(onnxScores[r] - raw[r]) / Math.max(1, Math.abs(raw[r])));

const top = topK(raw, 1000);
const rows = new Float32Array(top.length * m.columns);
top.forEach((r, k) => rows.set(m.values.subarray(r * m.columns, (r + 1) * m.columns), k * m.columns));
const shap = timed(() => treeShap(tail.value.ensemble, rows, top.length));
let maxAdditivity = 0;
top.forEach((r, k) => {
  let sum = shap.value.baseValue;
  for (let f = 0; f < shap.value.width; f++) sum += shap.value.contributions[k * shap.value.width + f];
  maxAdditivity = Math.max(maxAdditivity, Math.abs(sum - raw[r]) / Math.max(1, raw[r]));
});
const k = anomalies.size;
const precision = precisionAtK(raw, (r) => anomalies.has(log.caseIds[m.cases[r]]), k);

printTable(
  `Anomaly model on ${cases.toLocaleString('en-US')} cases (${log.eventCount.toLocaleString('en-US')} events), seed ${seed}`,
  ['step', 'wall', 'goal'],
  [
    ['generate the log in memory', secs(generated.ms / 1000), ''],
    ['process statistics', secs(stats.ms / 1000), ''],
    [`case features (${m.columns})`, secs(matrix.ms / 1000), ''],
    [`tail-probability ensemble (${tail.value.ensemble.trees.length} trees)`, secs(tail.ms / 1000), ''],
    ['ONNX export', secs(onnx.ms / 1000), ''],
    ['trainAnomalyModel end to end', secs(total.ms / 1000), '< 60 s'],
  ],
);
printTable(
  `Scoring, best of ${repeat}`,
  ['scorer', 'cases/s', 'goal'],
  [
    ['ONNX (onnxruntime-node, 1 thread)', Math.round(m.rows / (onnxMs / 1000)).toLocaleString('en-US'), '≥ 100,000'],
    ['in-process', Math.round(m.rows / (inProcessMs / 1000)).toLocaleString('en-US'), ''],
    ['max relative difference', maxRel.toExponential(1), '≤ 1e-5'],
  ],
);
printTable(
  'Explanations and quality',
  ['measure', 'value', 'goal'],
  [
    ['TreeSHAP, top 1,000 cases', secs(shap.ms / 1000), '< 1 s'],
    ['max relative |base + Σφ − raw|', maxAdditivity.toExponential(1), '≤ 1e-6'],
    [`precision@${k} (injected anomalies)`, precision.toFixed(3), '≥ 0.8'],
  ],
);
const path = writeResults('anomaly', {
  cases,
  events: log.eventCount,
  seed,
  features: m.columns,
  trees: tail.value.ensemble.trees.length,
  ms: {
    statistics: stats.ms,
    features: matrix.ms,
    tailModel: tail.ms,
    onnxExport: onnx.ms,
    trainEndToEnd: total.ms,
    shapTop1000: shap.ms,
  },
  casesPerSecond: { onnx: m.rows / (onnxMs / 1000), inProcess: m.rows / (inProcessMs / 1000) },
  maxRelativeDifference: maxRel,
  maxAdditivityError: maxAdditivity,
  precisionAtK: precision,
  k,
});
console.log(`results: ${path}`);
