import { describe, expect, it } from 'vitest';
import { CancelledError, InputError } from '../../main/engine/errors.ts';
import { predict } from '../ensemble/predict.ts';
import { seededRandom } from '../ensemble/random-ensemble.fixture.ts';
import { trainGradientBoosting, type LabelledRows } from './gradient-boosting.ts';

function rowsOf(
  seed: number,
  n: number,
  width: number,
  label: (x: Float32Array, random: () => number) => number,
  missing = 0,
): LabelledRows {
  const random = seededRandom(seed);
  const features = new Float32Array(n * width);
  const labels = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = features.subarray(i * width, (i + 1) * width);
    for (let f = 0; f < width; f++) x[f] = random() < missing ? NaN : random() * 2 - 1;
    labels[i] = label(x, random);
  }
  return { features, labels, nRows: n };
}

const names = (width: number) => Array.from({ length: width }, (_, f) => `x${f}`);

function rSquared(model: Parameters<typeof predict>[0], data: LabelledRows): number {
  const { raw } = predict(model, data.features, data.nRows);
  let mean = 0;
  for (let i = 0; i < data.nRows; i++) mean += data.labels[i] / data.nRows;
  let residual = 0;
  let total = 0;
  for (let i = 0; i < data.nRows; i++) {
    residual += (data.labels[i] - raw[i]) ** 2;
    total += (data.labels[i] - mean) ** 2;
  }
  return 1 - residual / total;
}

describe('trainGradientBoosting', () => {
  it('learns a step function with its threshold at the largest training value that goes left', () => {
    // 200 rows: fewer distinct values than bins, so the cut is exact.
    const data = rowsOf(1, 200, 3, (x) => (x[0] > 0.25 ? 3 : 0));
    const { ensemble } = trainGradientBoosting(data, {
      featureNames: names(3),
      loss: 'l2',
      rounds: 30,
      learningRate: 0.5,
      maxLeaves: 2,
      minDataInLeaf: 5,
    });
    let largestLeft = -Infinity;
    for (let i = 0; i < data.nRows; i++)
      if (data.features[i * 3] <= 0.25) largestLeft = Math.max(largestLeft, data.features[i * 3]);
    const first = ensemble.trees[0];
    expect(first.feature[0]).toBe(0);
    expect(first.threshold[0]).toBe(largestLeft);
    expect(rSquared(ensemble, data)).toBeGreaterThan(0.999);
  });

  it('cuts at a bin boundary near the step on data with more distinct values than bins', () => {
    const data = rowsOf(13, 5000, 2, (x) => (x[0] > 0.25 ? 3 : 0));
    const { ensemble } = trainGradientBoosting(data, { featureNames: names(2), loss: 'l2', rounds: 5, maxLeaves: 2 });
    const t = ensemble.trees[0].threshold[0];
    // A training value (the largest of its bin) within one bin (~2/255 of the range) of 0.25.
    expect(Array.from({ length: data.nRows }, (_, i) => data.features[i * 2]).includes(t)).toBe(true);
    expect(Math.abs(t - 0.25)).toBeLessThan(2 / 255);
  });

  it('models an x1·x2 interaction with depth-3 trees, which stumps cannot', () => {
    const train = rowsOf(2, 4000, 4, (x, r) => x[1] * x[2] + 0.05 * (r() - 0.5));
    const test = rowsOf(3, 2000, 4, (x, r) => x[1] * x[2] + 0.05 * (r() - 0.5));
    const options = { featureNames: names(4), loss: 'l2' as const, rounds: 300, learningRate: 0.1, minDataInLeaf: 10 };
    const deep = trainGradientBoosting(train, { ...options, maxDepth: 3, maxLeaves: 8 });
    const stumps = trainGradientBoosting(train, { ...options, maxDepth: 1, maxLeaves: 2 });
    // An additive model of x1 and x2 alone explains none of E[x1·x2 | x1] = 0: R² ≈ 0.
    expect(rSquared(deep.ensemble, test)).toBeGreaterThan(0.9);
    expect(rSquared(stumps.ensemble, test)).toBeLessThan(0.1);
    // Only x1 and x2 carry signal: the early trees, which fit most of it, split on them.
    const splits = deep.ensemble.trees.slice(0, 50).flatMap((t) => t.feature.filter((f) => f >= 0));
    expect(splits.filter((f) => f === 1 || f === 2).length / splits.length).toBeGreaterThan(0.9);
  });

  it.each(['l2', 'pseudo-huber', 'log-loss'] as const)('lowers the training loss every round (%s)', (loss) => {
    // 10% missing features (read as 0 by the label), 2% gross outliers for the regressions.
    const z = (v: number) => (Number.isNaN(v) ? 0 : v);
    const label = (x: Float32Array, r: () => number) =>
      loss === 'log-loss'
        ? Number(r() < 1 / (1 + Math.exp(-3 * z(x[0]) * z(x[1]) - z(x[2]))))
        : 5 * z(x[0]) + Math.sin(3 * z(x[1])) + (r() < 0.02 ? 40 : 0);
    const data = rowsOf(4, 1500, 5, label, 0.1);
    const { trainLoss } = trainGradientBoosting(data, { featureNames: names(5), loss, rounds: 60, huberDelta: 1 });
    expect(trainLoss.length).toBe(61);
    for (let k = 1; k < trainLoss.length; k++) expect(trainLoss[k]).toBeLessThanOrEqual(trainLoss[k - 1] + 1e-12);
    expect(trainLoss[60]).toBeLessThan(trainLoss[0] * 0.8);
  });

  it.each([true, false])('learns where missing values go (missing behaves like the %s side)', (missingLikeLow) => {
    // x0 missing in 30% of rows; those rows carry the label of the low (x0 <= 0) or high side.
    const data = rowsOf(5, 3000, 2, (x) => (Number.isNaN(x[0]) ? (missingLikeLow ? 0 : 10) : x[0] <= 0 ? 0 : 10), 0.3);
    for (let i = 0; i < data.nRows; i++) if (Number.isNaN(data.features[i * 2 + 1])) data.features[i * 2 + 1] = 0;
    const { ensemble } = trainGradientBoosting(data, {
      featureNames: names(2),
      loss: 'l2',
      rounds: 20,
      learningRate: 0.5,
      maxLeaves: 2,
    });
    expect(ensemble.trees[0].feature[0]).toBe(0);
    expect(ensemble.trees[0].missingGoesLeft[0]).toBe(missingLikeLow);
    const rows = new Float32Array([NaN, 0, -0.5, 0, 0.5, 0]);
    const { raw } = predict(ensemble, rows, 3);
    expect(raw[0]).toBeCloseTo(missingLikeLow ? 0 : 10, 1);
  });

  it('pseudo-Huber shrugs off gross outliers that pull an L2 model away', () => {
    // y = 4·x0 plus, in 5% of training rows, +30: the clean test set shows which model was pulled.
    const train = rowsOf(14, 4000, 2, (x, r) => 4 * x[0] + (r() < 0.05 ? 30 : 0));
    const test = rowsOf(15, 2000, 2, (x) => 4 * x[0]);
    const options = { featureNames: names(2), rounds: 150, learningRate: 0.1, maxLeaves: 8 };
    const meanAbsError = (model: Parameters<typeof predict>[0]) => {
      const { raw } = predict(model, test.features, test.nRows);
      return raw.reduce((s, v, i) => s + Math.abs(v - test.labels[i]), 0) / test.nRows;
    };
    const l2 = meanAbsError(trainGradientBoosting(train, { ...options, loss: 'l2' }).ensemble);
    const huber = meanAbsError(
      trainGradientBoosting(train, { ...options, loss: 'pseudo-huber', huberDelta: 1 }).ensemble,
    );
    // L2 learns the mean, 1.5 too high on average; pseudo-Huber stays near the clean line.
    expect(l2).toBeGreaterThan(1.2);
    expect(huber).toBeLessThan(0.5);
  });

  it('never splits on a feature that is constant or always missing', () => {
    const data = rowsOf(16, 500, 3, (x) => x[0]);
    for (let i = 0; i < 500; i++) {
      data.features[i * 3 + 1] = 7;
      data.features[i * 3 + 2] = NaN;
    }
    const { ensemble } = trainGradientBoosting(data, {
      featureNames: names(3),
      loss: 'l2',
      rounds: 20,
      minDataInLeaf: 1,
    });
    expect(new Set(ensemble.trees.flatMap((t) => t.feature.filter((f) => f >= 0)))).toEqual(new Set([0]));
  });

  it('gives calibrated probabilities under log-loss on a known Bernoulli model', () => {
    // P(y = 1 | x) = σ(2·x0 − x1): compare predicted to true probabilities and to observed rates.
    const truth = (x: Float32Array) => 1 / (1 + Math.exp(-(2 * x[0] - x[1])));
    const train = rowsOf(6, 20000, 3, (x, r) => Number(r() < truth(x)));
    const test = rowsOf(7, 20000, 3, (x, r) => Number(r() < truth(x)));
    const validation = rowsOf(8, 5000, 3, (x, r) => Number(r() < truth(x)));
    const { ensemble } = trainGradientBoosting(train, {
      featureNames: names(3),
      loss: 'log-loss',
      rounds: 400,
      learningRate: 0.05,
      maxLeaves: 8,
      minDataInLeaf: 50,
      validation,
    });
    expect(ensemble.transform).toBe('logistic');
    const { output } = predict(ensemble, test.features, test.nRows);
    let absError = 0;
    const predicted = new Float64Array(10);
    const observed = new Float64Array(10);
    const count = new Float64Array(10);
    for (let i = 0; i < test.nRows; i++) {
      absError += Math.abs(output[i] - truth(test.features.subarray(i * 3, i * 3 + 3))) / test.nRows;
      const decile = Math.min(9, Math.floor(output[i] * 10));
      predicted[decile] += output[i];
      observed[decile] += test.labels[i];
      count[decile]++;
    }
    expect(absError).toBeLessThan(0.04);
    for (let d = 0; d < 10; d++) {
      if (count[d] < 500) continue;
      expect(Math.abs(predicted[d] / count[d] - observed[d] / count[d])).toBeLessThan(0.04);
    }
  });

  it('stops early on the validation split and keeps the best round', () => {
    const noisy = (seed: number) => rowsOf(seed, 1000, 4, (x, r) => x[0] + 2 * (r() - 0.5));
    const result = trainGradientBoosting(noisy(9), {
      featureNames: names(4),
      loss: 'l2',
      rounds: 500,
      learningRate: 0.3,
      minDataInLeaf: 2,
      validation: noisy(10),
      earlyStoppingRounds: 10,
    });
    expect(result.validationLoss.length).toBeLessThan(500);
    expect(result.ensemble.trees.length).toBe(result.bestRound);
    expect(Math.min(...result.validationLoss)).toBe(result.validationLoss[result.bestRound]);
    expect(result.validationLoss.length - 1 - result.bestRound).toBe(10);
  });

  it('reports progress every round and stops when cancelled', () => {
    const data = rowsOf(11, 500, 2, (x) => x[0]);
    const controller = new AbortController();
    const seen: number[] = [];
    expect(() =>
      trainGradientBoosting(data, {
        featureNames: names(2),
        loss: 'l2',
        rounds: 50,
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p.round);
          if (p.round === 3) controller.abort();
        },
      }),
    ).toThrow(CancelledError);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('learns from a fresh half of the rows per tree with subsample 0.5, as well on held-out data', () => {
    const train = rowsOf(19, 6000, 3, (x, r) => (x[0] > 0.25 ? 3 : 0) + x[1] + 0.1 * r());
    const test = rowsOf(20, 3000, 3, (x, r) => (x[0] > 0.25 ? 3 : 0) + x[1] + 0.1 * r());
    const options = { featureNames: names(3), loss: 'l2' as const, rounds: 150, maxLeaves: 8 };
    const half = trainGradientBoosting(train, { ...options, subsample: 0.5, seed: 3 }).ensemble;
    const full = trainGradientBoosting(train, options).ensemble;
    // Each tree saw about half the rows (binomial, sd ≈ 39 of 3000), a different half each time.
    for (const tree of half.trees.slice(0, 10)) expect(Math.abs(tree.cover[0] - 3000)).toBeLessThan(200);
    expect(new Set(half.trees.slice(0, 10).map((t) => t.cover[0])).size).toBeGreaterThan(5);
    expect(rSquared(half, test)).toBeGreaterThan(0.99);
    expect(rSquared(half, test)).toBeGreaterThan(rSquared(full, test) - 0.005);
  });

  it('with GOSS learns from the largest gradients plus a weighted third of the rest, nearly as well', () => {
    const label = (x: Float32Array, r: () => number) => (x[0] > 0.25 ? 3 : 0) + 2 * x[1] * x[2] + 0.1 * r();
    const train = rowsOf(22, 8000, 4, label);
    const test = rowsOf(23, 3000, 4, label);
    const options = { featureNames: names(4), loss: 'l2' as const, rounds: 200, maxLeaves: 8 };
    const goss = trainGradientBoosting(train, { ...options, goss: { topShare: 0.2, otherShare: 0.1 } }).ensemble;
    const full = trainGradientBoosting(train, options).ensemble;
    // After the first rounds a tree sees about 30% of the rows (20% top + 10% of all from the rest).
    const shares = goss.trees.slice(5, 50).map((t) => t.cover[0] / 8000);
    expect(shares.reduce((a, b) => a + b, 0) / shares.length).toBeGreaterThan(0.25);
    expect(shares.reduce((a, b) => a + b, 0) / shares.length).toBeLessThan(0.36);
    expect(rSquared(goss, test)).toBeGreaterThan(rSquared(full, test) - 0.02);
    expect(() =>
      trainGradientBoosting(train, { ...options, goss: { topShare: 0.2, otherShare: 0.1 }, subsample: 0.5 }),
    ).toThrow(/either/);
  });

  it('sets the bin edges from a sample of rows when there are many, and still cuts at a training value', () => {
    const data = rowsOf(21, 5000, 2, (x) => (x[0] > 0.25 ? 3 : 0));
    const { ensemble } = trainGradientBoosting(data, {
      featureNames: names(2),
      loss: 'l2',
      rounds: 5,
      maxLeaves: 2,
      binningSampleRows: 1000,
    });
    const t = ensemble.trees[0].threshold[0];
    const values = Array.from({ length: data.nRows }, (_, i) => data.features[i * 2]);
    expect(values.includes(t)).toBe(true);
    // 255 bins over ~1000 sampled values: edges ~0.008 apart, so the cut is near the step.
    expect(Math.abs(t - 0.25)).toBeLessThan(0.03);
  });

  it('refuses settings that cannot train, naming them', () => {
    const data = rowsOf(17, 50, 2, (x) => x[0]);
    const base = { featureNames: names(2), loss: 'l2' as const };
    expect(() => trainGradientBoosting(data, { ...base, rounds: 0 })).toThrow(/rounds/);
    expect(() => trainGradientBoosting(data, { ...base, maxLeaves: 1 })).toThrow(/maxLeaves/);
    expect(() => trainGradientBoosting(data, { ...base, minDataInLeaf: 2.5 })).toThrow(/minDataInLeaf/);
    expect(() => trainGradientBoosting(data, { ...base, lambda: -1 })).toThrow(/lambda/);
    expect(() => trainGradientBoosting(data, { ...base, subsample: 0 })).toThrow(/subsample/);
    expect(() => trainGradientBoosting(data, { ...base, validation: data, earlyStoppingRounds: 0 })).toThrow(
      /earlyStoppingRounds/,
    );
    const all = trainGradientBoosting(data, {
      ...base,
      rounds: 30,
      validation: rowsOf(18, 50, 2, (x) => x[0]),
      earlyStoppingRounds: Infinity,
      minDataInLeaf: 2,
    });
    expect(all.validationLoss.length).toBe(31);
  });

  it('refuses bad labels with the row that has them', () => {
    const data = rowsOf(12, 10, 2, () => 0.5);
    expect(() => trainGradientBoosting(data, { featureNames: names(2), loss: 'log-loss' })).toThrow(/row 1 is 0.5/);
    data.labels = Float64Array.from(data.labels, (_, i) => (i === 4 ? NaN : 1));
    expect(() => trainGradientBoosting(data, { featureNames: names(2), loss: 'l2' })).toThrow(InputError);
  });
});
