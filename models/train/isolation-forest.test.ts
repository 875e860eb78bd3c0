import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../main/engine/errors.ts';
import { predict } from '../ensemble/predict.ts';
import { validateEnsemble } from '../ensemble/serialise.ts';
import { averagePathLength, trainIsolationForest } from './isolation-forest.ts';
import { float32Below, sampleWithoutReplacement, seededRandom } from './random.ts';

/** The paper's Algorithms 1–3 (Liu, Ting & Zhou 2008) written plainly: nodes as objects, `x < p`. */
interface ITree {
  size: number;
  attribute?: number;
  splitValue?: number;
  left?: ITree;
  right?: ITree;
}
function naiveForest(data: number[][], t: number, psi: number, seed: number): ITree[] {
  const random = seededRandom(seed);
  const l = Math.ceil(Math.log2(Math.min(psi, data.length)));
  const iTree = (x: number[][], e: number): ITree => {
    if (e >= l || x.length <= 1) return { size: x.length };
    const q = data[0].map((_, a) => a).filter((a) => Math.min(...x.map((r) => r[a])) < Math.max(...x.map((r) => r[a])));
    if (q.length === 0) return { size: x.length };
    const a = q[Math.floor(random() * q.length)];
    const lo = Math.min(...x.map((r) => r[a]));
    const hi = Math.max(...x.map((r) => r[a]));
    const p = lo + random() * (hi - lo);
    return {
      size: x.length,
      attribute: a,
      splitValue: p,
      left: iTree(
        x.filter((r) => r[a] < p),
        e + 1,
      ),
      right: iTree(
        x.filter((r) => r[a] >= p),
        e + 1,
      ),
    };
  };
  return Array.from({ length: t }, () =>
    iTree(
      Array.from(sampleWithoutReplacement(data.length, psi, random), (i) => data[i]),
      0,
    ),
  );
}
function pathLength(x: number[], tree: ITree, e: number): number {
  if (tree.attribute === undefined) return e + averagePathLength(tree.size);
  return x[tree.attribute] < tree.splitValue! ? pathLength(x, tree.left!, e + 1) : pathLength(x, tree.right!, e + 1);
}

describe('isolation forest', () => {
  it('c(n) follows the paper: c(1) = 0, c(2) = 1, c(256) = 2(ln 255 + γ) − 2·255/256', () => {
    expect(averagePathLength(1)).toBe(0);
    expect(averagePathLength(2)).toBe(1);
    // By hand: ln 255 = 5.541264, + γ = 6.118480, ×2 = 12.236960, − 1.992188 = 10.244772.
    expect(averagePathLength(256)).toBeCloseTo(10.244772, 5);
    // The approximation H(i) ≈ ln i + γ against the exact harmonic number, n = 1000: off by
    // 2·1/(2·999) ≈ 0.001 (the next term of the expansion), no more.
    let harmonic = 0;
    for (let i = 1; i <= 999; i++) harmonic += 1 / i;
    expect(Math.abs(averagePathLength(1000) - (2 * harmonic - (2 * 999) / 1000))).toBeLessThan(0.0011);
  });

  it('scores two points 0.5 (each isolated at depth 1, c(2) = 1) and identical points 0.5', () => {
    const two = trainIsolationForest(new Float32Array([0, 1]), 2, { featureNames: ['x'], trees: 10 });
    expect(Array.from(predict(two, new Float32Array([0, 1]), 2).output)).toEqual([0.5, 0.5]);
    // Four equal rows never split: h = 0 + c(4) = c(ψ), so E[h]/c(ψ) = 1 and s = 2^−1.
    const same = trainIsolationForest(new Float32Array([3, 3, 3, 3]), 4, { featureNames: ['x'], trees: 5 });
    const { raw, output } = predict(same, new Float32Array([3, 3]), 2);
    expect(raw[0]).toBeCloseTo(1, 12);
    expect(output[1]).toBeCloseTo(0.5, 12);
  });

  it('equals a plain implementation of the paper’s algorithms with the same random draws', () => {
    const random = seededRandom(99);
    const n = 600;
    const width = 3;
    const data = Array.from({ length: n }, () => Array.from({ length: width }, () => Math.fround(random() * 10 - 5)));
    const features = Float32Array.from(data.flat());
    const forest = trainIsolationForest(features, n, {
      featureNames: ['a', 'b', 'c'],
      trees: 25,
      sampleSize: 64,
      seed: 7,
    });
    validateEnsemble(forest);
    const naive = naiveForest(data, 25, 64, 7);
    const { output } = predict(forest, features, n);
    for (let r = 0; r < n; r++) {
      const meanPath = naive.reduce((s, tree) => s + pathLength(data[r], tree, 0), 0) / naive.length;
      expect(output[r]).toBeCloseTo(2 ** (-meanPath / averagePathLength(64)), 12);
    }
  });

  it('gives isolated points high scores and a dense cluster low ones', () => {
    const random = seededRandom(3);
    const n = 2000;
    const features = new Float32Array(n * 2);
    for (let i = 0; i < n * 2; i++) features[i] = random() + random() + random() - 1.5; // roughly N(0, 0.5)
    features.set([8, 8, -7, 6, 9, -9], 0); // three far points
    const forest = trainIsolationForest(features, n, { featureNames: ['x', 'y'], seed: 5 });
    const { output } = predict(forest, features, n);
    const rest = Array.from(output.subarray(3)).sort((a, b) => a - b);
    expect(Math.min(output[0], output[1], output[2])).toBeGreaterThan(0.65);
    expect(rest[Math.floor(rest.length / 2)]).toBeLessThan(0.5);
    expect(Math.min(output[0], output[1], output[2])).toBeGreaterThan(rest[rest.length - 1]);
  });

  it('subsamples ψ rows per tree, stays within the height limit, and sends missing values to the larger side', () => {
    const random = seededRandom(4);
    const features = Float32Array.from({ length: 5000 * 2 }, () => (random() < 0.1 ? NaN : random()));
    const forest = trainIsolationForest(features, 5000, { featureNames: ['x', 'y'], trees: 20 });
    for (const tree of forest.trees) {
      expect(tree.cover[0]).toBe(256);
      const depth = (i: number): number =>
        tree.feature[i] < 0 ? 0 : 1 + Math.max(depth(tree.left[i]), depth(tree.right[i]));
      expect(depth(0)).toBeLessThanOrEqual(8);
      for (let i = 0; i < tree.feature.length; i++) {
        if (tree.feature[i] < 0) continue;
        const [l, r] = [tree.cover[tree.left[i]], tree.cover[tree.right[i]]];
        expect(l + r).toBe(tree.cover[i]);
      }
    }
    const { output } = predict(forest, new Float32Array([NaN, NaN]), 1);
    expect(output[0]).toBeLessThan(0.6);
  });

  it('maps the paper’s x < p onto x <= the largest float32 below p', () => {
    const random = seededRandom(8);
    for (let k = 0; k < 2000; k++) {
      const p = random() * 200 - 100;
      const below = float32Below(p);
      expect(below).toBeLessThan(p);
      expect(Math.fround(below)).toBe(below);
      const v = Math.fround(p);
      expect(v <= below).toBe(v < p);
    }
  });

  it('stops when cancelled', () => {
    const controller = new AbortController();
    controller.abort();
    expect(() =>
      trainIsolationForest(new Float32Array([1, 2, 3]), 3, { featureNames: ['x'], signal: controller.signal }),
    ).toThrow(CancelledError);
  });
});
