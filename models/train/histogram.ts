import { MISSING_BIN } from './binning.ts';

/** Slots per feature in a histogram: 255 value bins + the missing bin. */
export const BIN_SLOTS = 256;
/** Each slot holds gradient sum, hessian sum and row count. */
const STRIDE = 3;

/** A node's histogram: for every feature and bin, Σ gradient, Σ hessian, rows (interleaved). */
export type Histogram = Float64Array;

export function newHistogram(width: number): Histogram {
  return new Float64Array(width * BIN_SLOTS * STRIDE);
}

/**
 * Accumulates the rows `rows[start..end)` into `hist` (zeroed first), row by row: each row's bin
 * codes are adjacent (row-major) and its gradient is read once. Measured on 80k × 40 against the
 * column-by-column loop with ordered gradients: 16 vs 23 ms for all rows, 1.9 vs 4.4 ms for 10k.
 */
export function buildHistogram(
  hist: Histogram,
  codes: Uint8Array,
  width: number,
  rows: Int32Array,
  start: number,
  end: number,
  grad: Float64Array,
  hess: Float64Array,
): void {
  hist.fill(0);
  const slots = BIN_SLOTS * STRIDE;
  for (let k = start; k < end; k++) {
    const i = rows[k];
    const g = grad[i];
    const h = hess[i];
    const row = i * width;
    for (let f = 0, base = 0; f < width; f++, base += slots) {
      const j = base + codes[row + f] * STRIDE;
      hist[j] += g;
      hist[j + 1] += h;
      hist[j + 2] += 1;
    }
  }
}

/** Sibling subtraction: the larger child's histogram is the parent's minus the smaller child's. */
export function subtractHistogram(parent: Histogram, child: Histogram, into: Histogram): void {
  for (let j = 0; j < parent.length; j++) into[j] = parent[j] - child[j];
}

export interface SplitRules {
  /** L2 regularisation of leaf values (λ). */
  lambda: number;
  minDataInLeaf: number;
  minHessianInLeaf: number;
  /** A split must reduce the loss by more than this. */
  minGainToSplit: number;
}

export interface SplitCandidate {
  feature: number;
  /** Value bins 0..bin go left. */
  bin: number;
  missingGoesLeft: boolean;
  gain: number;
  leftGrad: number;
  leftHess: number;
  leftCount: number;
}

/** The loss reduction term G²/(H + λ) of a node (second-order approximation). */
export function leafScore(grad: number, hess: number, lambda: number): number {
  return (grad * grad) / (hess + lambda);
}

/**
 * The best split of a node from its histogram: every feature, every cut between value bins, with
 * the missing rows sent left and then right; gain = score(L) + score(R) − score(node). Ties keep
 * the first found (lowest feature, lowest bin, missing left before right). When the node has no
 * missing values of the feature, NaN at scoring time follows the side with more training rows.
 */
export function bestSplit(
  hist: Histogram,
  binCounts: ArrayLike<number>,
  totalGrad: number,
  totalHess: number,
  totalCount: number,
  rules: SplitRules,
): SplitCandidate | null {
  const { lambda, minDataInLeaf, minHessianInLeaf } = rules;
  const parentScore = leafScore(totalGrad, totalHess, lambda);
  let best: SplitCandidate | null = null;
  let bestGain = rules.minGainToSplit + 1e-12;
  for (let f = 0; f < binCounts.length; f++) {
    const nb = binCounts[f];
    if (nb === 0) continue;
    const base = f * BIN_SLOTS * STRIDE;
    const m = base + MISSING_BIN * STRIDE;
    const missGrad = hist[m];
    const missHess = hist[m + 1];
    const missCount = hist[m + 2];
    let g = 0;
    let h = 0;
    let c = 0;
    for (let b = 0; b < nb; b++) {
      const j = base + b * STRIDE;
      g += hist[j];
      h += hist[j + 1];
      c += hist[j + 2];
      for (let side = 0; side < (missCount > 0 ? 2 : 1); side++) {
        const missingLeft = side === 0;
        const lg = missingLeft ? g + missGrad : g;
        const lh = missingLeft ? h + missHess : h;
        const lc = missingLeft ? c + missCount : c;
        const rc = totalCount - lc;
        if (lc < minDataInLeaf || rc < minDataInLeaf) continue;
        const rh = totalHess - lh;
        if (lh < minHessianInLeaf || rh < minHessianInLeaf) continue;
        const gain = leafScore(lg, lh, lambda) + leafScore(totalGrad - lg, rh, lambda) - parentScore;
        if (gain > bestGain) {
          bestGain = gain;
          best = {
            feature: f,
            bin: b,
            missingGoesLeft: missCount > 0 ? missingLeft : lc >= rc,
            gain,
            leftGrad: lg,
            leftHess: lh,
            leftCount: lc,
          };
        }
      }
    }
  }
  return best;
}
