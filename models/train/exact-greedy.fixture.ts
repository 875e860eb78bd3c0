/**
 * A second method for the histogram trainer: an exact greedy tree builder that rescans the raw
 * values for every candidate threshold (O(F·n²) per node, fine on tiny data). With ≤ 255 distinct
 * values per feature the histogram trainer must choose the same splits.
 */
export interface ExactNode {
  feature: number;
  threshold: number;
  missingGoesLeft: boolean;
  gain: number;
  value: number;
  left?: ExactNode;
  right?: ExactNode;
}

export interface ExactRules {
  lambda: number;
  minDataInLeaf: number;
  minHessianInLeaf: number;
  maxDepth: number;
  learningRate: number;
}

export function exactGreedyTree(
  features: Float32Array,
  width: number,
  grad: Float64Array,
  hess: Float64Array,
  rows: number[],
  rules: ExactRules,
  depth = 0,
): ExactNode {
  const sum = (rs: number[], a: Float64Array) => rs.reduce((s, i) => s + a[i], 0);
  const G = sum(rows, grad);
  const H = sum(rows, hess);
  const score = (g: number, h: number) => (g * g) / (h + rules.lambda);
  const leaf: ExactNode = {
    feature: -1,
    threshold: 0,
    missingGoesLeft: false,
    gain: 0,
    value: (-G / (H + rules.lambda)) * rules.learningRate,
  };
  if (depth >= rules.maxDepth) return leaf;
  let best: {
    feature: number;
    threshold: number;
    missingGoesLeft: boolean;
    gain: number;
    left: number[];
    right: number[];
  } | null = null;
  for (let f = 0; f < width; f++) {
    const x = (i: number) => features[i * width + f];
    const present = rows.filter((i) => !Number.isNaN(x(i)));
    const hasMissing = present.length < rows.length;
    const thresholds = [...new Set(present.map(x))].sort((a, b) => a - b);
    for (const t of thresholds) {
      for (const missingLeft of hasMissing ? [true, false] : [true]) {
        const left = rows.filter((i) => (Number.isNaN(x(i)) ? missingLeft : x(i) <= t));
        const right = rows.filter((i) => !left.includes(i));
        if (left.length < rules.minDataInLeaf || right.length < rules.minDataInLeaf) continue;
        const lg = sum(left, grad);
        const lh = sum(left, hess);
        if (lh < rules.minHessianInLeaf || H - lh < rules.minHessianInLeaf) continue;
        const gain = score(lg, lh) + score(G - lg, H - lh) - score(G, H);
        if (gain > (best?.gain ?? 1e-12)) {
          const direction = hasMissing ? missingLeft : left.length >= right.length;
          best = { feature: f, threshold: t, missingGoesLeft: direction, gain, left, right };
        }
      }
    }
  }
  if (!best) return leaf;
  return {
    feature: best.feature,
    threshold: best.threshold,
    missingGoesLeft: best.missingGoesLeft,
    gain: best.gain,
    value: 0,
    left: exactGreedyTree(features, width, grad, hess, best.left, rules, depth + 1),
    right: exactGreedyTree(features, width, grad, hess, best.right, rules, depth + 1),
  };
}
