import { describe, expect, it } from 'vitest';
import { InputError } from '../../main/engine/errors.ts';
import { predict } from '../ensemble/predict.ts';
import { randomEnsemble, randomRows, seededRandom } from '../ensemble/random-ensemble.fixture.ts';
import type { Tree, TreeEnsemble } from '../ensemble/tree-ensemble.ts';
import { trainGradientBoosting } from '../train/gradient-boosting.ts';
import { trainIsolationForest } from '../train/isolation-forest.ts';
import { treeShap } from './tree-shap.ts';

/**
 * The second method: Shapley values by enumerating every coalition S, with
 * v(S) = E[f(x) | x_S] under the covers (a feature in S follows x, one outside S splits the
 * expectation between the branches by cover), φ_i = Σ_S |S|!(M−|S|−1)!/M! (v(S ∪ i) − v(S)).
 */
function conditionalExpectation(tree: Tree, x: Float32Array, known: (f: number) => boolean, node = 0): number {
  const f = tree.feature[node];
  if (f < 0) return tree.value[node];
  const l = tree.left[node];
  const r = tree.right[node];
  if (known(f)) {
    const v = x[f];
    const goLeft = Number.isNaN(v) ? tree.missingGoesLeft[node] : v <= tree.threshold[node];
    return conditionalExpectation(tree, x, known, goLeft ? l : r);
  }
  const total = tree.cover[l] + tree.cover[r];
  return (
    (tree.cover[l] * conditionalExpectation(tree, x, known, l) +
      tree.cover[r] * conditionalExpectation(tree, x, known, r)) /
    total
  );
}

function enumeratedShapley(model: TreeEnsemble, x: Float32Array): { phi: number[]; base: number } {
  const m = model.featureNames.length;
  const v = (mask: number) =>
    model.trees.reduce((s, t) => s + conditionalExpectation(t, x, (f) => (mask & (1 << f)) !== 0), model.baseScore);
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  const phi = new Array<number>(m).fill(0);
  for (let i = 0; i < m; i++) {
    for (let mask = 0; mask < 1 << m; mask++) {
      if (mask & (1 << i)) continue;
      let size = 0;
      for (let f = 0; f < m; f++) if (mask & (1 << f)) size++;
      phi[i] += ((factorial(size) * factorial(m - size - 1)) / factorial(m)) * (v(mask | (1 << i)) - v(mask));
    }
  }
  return { phi, base: v(0) };
}

describe('treeShap', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'equals Shapley values by enumeration on random trees with repeated features and NaN (seed %i)',
    (seed) => {
      const width = 5;
      const model = randomEnsemble(seed, { width, trees: 3, maxDepth: 6 });
      const rows = randomRows(seed + 50, 20, width, 0.2);
      const shap = treeShap(model, rows, 20);
      for (let r = 0; r < 20; r++) {
        const x = rows.subarray(r * width, (r + 1) * width);
        const exact = enumeratedShapley(model, x);
        expect(shap.baseValue).toBeCloseTo(exact.base, 10);
        for (let f = 0; f < width; f++)
          expect(Math.abs(shap.contributions[r * width + f] - exact.phi[f])).toBeLessThan(1e-6);
      }
    },
  );

  it('equals enumeration on a deep chain whose last leaves have more features than are cached (12 > 10)', () => {
    // Node 2i splits on feature i (i = 0..11); its right child is a leaf, its left child the next split.
    const random = seededRandom(77);
    const width = 12;
    const tree: Tree = { feature: [], threshold: [], left: [], right: [], missingGoesLeft: [], value: [], cover: [] };
    const push = (feature: number, cover: number) => {
      tree.feature.push(feature);
      tree.threshold.push(feature >= 0 ? Math.fround(random()) : 0);
      tree.left.push(-1);
      tree.right.push(-1);
      tree.missingGoesLeft.push(random() < 0.5);
      tree.value.push(feature >= 0 ? 0 : random() * 2 - 1);
      tree.cover.push(cover);
      return tree.feature.length - 1;
    };
    const grow = (depth: number, cover: number): number => {
      if (depth === width) return push(-1, cover);
      const i = push(depth, cover);
      const leftCover = Math.max(1, Math.round(cover * (0.3 + 0.5 * random())));
      tree.left[i] = grow(depth + 1, leftCover);
      tree.right[i] = push(-1, cover - leftCover);
      return i;
    };
    grow(0, 100000);
    const model: TreeEnsemble = {
      formatVersion: 1,
      featureNames: Array.from({ length: width }, (_, f) => `f${f}`),
      baseScore: 0,
      trees: [tree],
      transform: 'identity',
    };
    // Rows that go far down the chain (small values go left), some with NaN.
    const rows = Float32Array.from({ length: 6 * width }, () => (random() < 0.1 ? NaN : random() * 0.2));
    const shap = treeShap(model, rows, 6);
    for (let r = 0; r < 6; r++) {
      const exact = enumeratedShapley(model, rows.subarray(r * width, (r + 1) * width));
      for (let f = 0; f < width; f++)
        expect(Math.abs(shap.contributions[r * width + f] - exact.phi[f])).toBeLessThan(1e-6);
    }
  });

  it('splits credit equally between two features of a symmetric AND tree (worked by hand)', () => {
    // f = 1 when a <= 0.5 and b <= 0.5, covers 25 per leaf (uniform). At x = (0, 0): v(∅) = 1/4,
    // v({a}) = v({b}) = 1/2, v({a, b}) = 1, so φ_a = φ_b = ½(1/4) + ½(1/2) = 3/8.
    const tree: Tree = {
      feature: [0, 1, -1, -1, 1, -1, -1],
      threshold: [0.5, 0.5, 0, 0, 0.5, 0, 0],
      left: [1, 2, -1, -1, 5, -1, -1],
      right: [4, 3, -1, -1, 6, -1, -1],
      missingGoesLeft: [false, false, false, false, false, false, false],
      value: [0, 0, 1, 0, 0, 0, 0, 0].slice(0, 7),
      cover: [100, 50, 25, 25, 50, 25, 25],
    };
    const model: TreeEnsemble = {
      formatVersion: 1,
      featureNames: ['a', 'b'],
      baseScore: 0,
      trees: [tree],
      transform: 'identity',
    };
    const shap = treeShap(model, new Float32Array([0, 0]), 1);
    expect(shap.baseValue).toBe(0.25);
    expect(shap.contributions[0]).toBeCloseTo(0.375, 15);
    expect(shap.contributions[1]).toBeCloseTo(0.375, 15);
  });

  it('adds up to the raw score on every row of trained GBDT and isolation-forest models', () => {
    const width = 6;
    const names = Array.from({ length: width }, (_, f) => `x${f}`);
    const rows = randomRows(61, 2000, width, 0.1);
    const explained = 400; // additivity on the first 400 rows keeps the test quick
    const random = seededRandom(62);
    const z = (v: number) => (Number.isNaN(v) ? 0 : v);
    const labels = Float64Array.from(
      { length: 2000 },
      (_, i) => z(rows[i * width]) * 3 + (z(rows[i * width + 1]) > 0.5 ? 2 : 0) + random(),
    );
    const binary = Float64Array.from(labels, (y) => Number(y > 2.5));
    const models = [
      trainGradientBoosting({ features: rows, labels, nRows: 2000 }, { featureNames: names, loss: 'l2', rounds: 60 })
        .ensemble,
      trainGradientBoosting(
        { features: rows, labels: binary, nRows: 2000 },
        { featureNames: names, loss: 'log-loss', rounds: 60 },
      ).ensemble,
      trainIsolationForest(rows, 2000, { featureNames: names, trees: 50 }),
    ];
    for (const model of models) {
      const head = rows.subarray(0, explained * width);
      const { raw } = predict(model, head, explained);
      const shap = treeShap(model, head, explained);
      for (let r = 0; r < explained; r++) {
        let sum = shap.baseValue;
        for (let f = 0; f < width; f++) sum += shap.contributions[r * width + f];
        expect(Math.abs(sum - raw[r])).toBeLessThan(1e-9 * Math.max(1, Math.abs(raw[r])));
      }
    }
  });

  it('explains trees with leaves no training row reached (cover 0), as enumeration does', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const model = randomEnsemble(seed, { width: 4, trees: 3, maxDepth: 5 });
      // Empty some leaves (keeping every split's children non-empty in total) and fix the covers up.
      for (const tree of model.trees) {
        const fix = (i: number): number => {
          if (tree.feature[i] < 0) return tree.cover[i];
          tree.cover[i] = fix(tree.left[i]) + fix(tree.right[i]);
          return tree.cover[i];
        };
        tree.feature.forEach((f, i) => {
          if (f >= 0 && tree.feature[tree.left[i]] < 0 && tree.feature[tree.right[i]] < 0) tree.cover[tree.left[i]] = 0;
        });
        fix(0);
      }
      const rows = randomRows(seed + 9, 30, 4, 0.2);
      const shap = treeShap(model, rows, 30);
      for (let r = 0; r < 30; r++) {
        const exact = enumeratedShapley(model, rows.subarray(r * 4, r * 4 + 4));
        for (let f = 0; f < 4; f++) expect(Math.abs(shap.contributions[r * 4 + f] - exact.phi[f])).toBeLessThan(1e-6);
      }
    }
  });

  it('gives each row the same values alone as in a batch (cached and uncached leaf work agree)', () => {
    const model = randomEnsemble(12, { width: 6, trees: 6, maxDepth: 8 });
    const rows = randomRows(13, 300, 6, 0.15);
    const batch = treeShap(model, rows, 300);
    for (let r = 0; r < 300; r += 17) {
      const alone = treeShap(model, rows.subarray(r * 6, r * 6 + 6), 1);
      for (let f = 0; f < 6; f++) expect(alone.contributions[f]).toBeCloseTo(batch.contributions[r * 6 + f], 12);
    }
  });

  it('gives no credit to a feature the model never splits on', () => {
    const model = randomEnsemble(4, { width: 3, trees: 4 });
    for (const tree of model.trees) tree.feature.forEach((f, i) => f === 2 && (tree.feature[i] = 1));
    const shap = treeShap(model, randomRows(5, 50, 3), 50);
    for (let r = 0; r < 50; r++) expect(shap.contributions[r * 3 + 2]).toBe(0);
  });

  it('refuses a split without covers', () => {
    const model = randomEnsemble(4, { width: 3, trees: 1 });
    model.trees[0].cover.fill(0);
    expect(() => treeShap(model, new Float32Array(3), 1)).toThrow(InputError);
  });
});
