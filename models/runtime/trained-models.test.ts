import { describe, expect, it } from 'vitest';
import { predict } from '../ensemble/predict.ts';
import { randomRows, seededRandom } from '../ensemble/random-ensemble.fixture.ts';
import { ensembleToOnnx } from '../onnx/export-onnx.ts';
import { trainGradientBoosting } from '../train/gradient-boosting.ts';
import { trainIsolationForest } from '../train/isolation-forest.ts';
import type { TreeEnsemble } from '../ensemble/tree-ensemble.ts';
import { OnnxScorer } from './onnx-scorer.ts';

const width = 6;
const names = Array.from({ length: width }, (_, f) => `x${f}`);
const train = randomRows(31, 3000, width, 0.15);
const test = randomRows(32, 4000, width, 0.15);
const random = seededRandom(33);
const z = (v: number) => (Number.isNaN(v) ? 0.5 : v);
const regressionLabels = Float64Array.from(
  { length: 3000 },
  (_, i) => 100 * z(train[i * width]) * z(train[i * width + 1]) + 20 * z(train[i * width + 2]) + random(),
);
const binaryLabels = Float64Array.from({ length: 3000 }, (_, i) => Number(random() < z(train[i * width + 3])));

async function expectOnnxEqualsInProcess(model: TreeEnsemble): Promise<void> {
  const scorer = await OnnxScorer.open(ensembleToOnnx(model));
  const onnx = await scorer.score(test, 4000);
  await scorer.close();
  const inProcess = predict(model, test, 4000);
  let worst = 0;
  for (let i = 0; i < 4000; i++)
    worst = Math.max(
      worst,
      Math.abs(onnx.output[i] - inProcess.output[i]) / Math.max(Math.abs(inProcess.output[i]), 1e-3),
    );
  expect(worst).toBeLessThan(1e-5);
}

describe('trained models scored by onnxruntime equal the in-process scorer (NaN features included)', () => {
  it('GBDT regression (L2)', async () => {
    const { ensemble } = trainGradientBoosting(
      { features: train, labels: regressionLabels, nRows: 3000 },
      { featureNames: names, loss: 'l2', rounds: 150 },
    );
    expect(ensemble.trees.length).toBe(150);
    await expectOnnxEqualsInProcess(ensemble);
  });

  it('GBDT probability (log-loss, logistic nodes)', async () => {
    const { ensemble } = trainGradientBoosting(
      { features: train, labels: binaryLabels, nRows: 3000 },
      { featureNames: names, loss: 'log-loss', rounds: 100 },
    );
    await expectOnnxEqualsInProcess(ensemble);
  });

  it('isolation forest (Pow(2, Neg(raw)))', async () => {
    await expectOnnxEqualsInProcess(trainIsolationForest(train, 3000, { featureNames: names, trees: 100 }));
  });
});
