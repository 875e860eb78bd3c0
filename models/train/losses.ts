/**
 * The training losses of the gradient-boosted trees: per row a gradient and a hessian of the loss
 * in the raw score s, the loss itself (to monitor training and stop early) and the best constant.
 */
export type LossName = 'l2' | 'pseudo-huber' | 'log-loss';

export interface Loss {
  name: LossName;
  /** Fills grad/hess for scores s and labels y. */
  gradients(scores: Float64Array, labels: ArrayLike<number>, grad: Float64Array, hess: Float64Array): void;
  /** Mean loss over the rows. */
  mean(scores: Float64Array, labels: ArrayLike<number>): number;
  /** The constant score that minimises the loss (the model's base score). */
  initialScore(labels: ArrayLike<number>): number;
}

/** L2: ½(s − y)²; g = s − y, h = 1; best constant: the mean. */
export const l2Loss: Loss = {
  name: 'l2',
  gradients(scores, labels, grad, hess) {
    for (let i = 0; i < scores.length; i++) {
      grad[i] = scores[i] - labels[i];
      hess[i] = 1;
    }
  },
  mean(scores, labels) {
    let sum = 0;
    for (let i = 0; i < scores.length; i++) sum += 0.5 * (scores[i] - labels[i]) ** 2;
    return sum / scores.length;
  },
  initialScore(labels) {
    let sum = 0;
    for (let i = 0; i < labels.length; i++) sum += labels[i];
    return sum / labels.length;
  },
};

/**
 * Pseudo-Huber with scale δ: δ²(√(1 + (r/δ)²) − 1), r = s − y: quadratic near 0, linear in the
 * tails, so a few very long cases do not dominate. g = r / √(1 + (r/δ)²), h = (1 + (r/δ)²)^(−3/2).
 * Best constant: started from the median (exact for δ → 0, close otherwise).
 */
export function pseudoHuberLoss(delta: number): Loss {
  return {
    name: 'pseudo-huber',
    gradients(scores, labels, grad, hess) {
      for (let i = 0; i < scores.length; i++) {
        const r = scores[i] - labels[i];
        const q = 1 + (r / delta) ** 2;
        const root = Math.sqrt(q);
        grad[i] = r / root;
        hess[i] = 1 / (q * root);
      }
    },
    mean(scores, labels) {
      let sum = 0;
      for (let i = 0; i < scores.length; i++)
        sum += delta * delta * (Math.sqrt(1 + ((scores[i] - labels[i]) / delta) ** 2) - 1);
      return sum / scores.length;
    },
    initialScore(labels) {
      const sorted = Float64Array.from(labels).sort();
      const mid = sorted.length >> 1;
      return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    },
  };
}

/** Smallest hessian of the log-loss: keeps leaf values finite where p is 0 or 1. */
const MIN_HESSIAN = 1e-16;

/** Binary log-loss on the log-odds s: p = σ(s), g = p − y, h = p(1 − p); best constant: logit of the mean. */
export const logLoss: Loss = {
  name: 'log-loss',
  gradients(scores, labels, grad, hess) {
    for (let i = 0; i < scores.length; i++) {
      const p = 1 / (1 + Math.exp(-scores[i]));
      grad[i] = p - labels[i];
      hess[i] = Math.max(p * (1 - p), MIN_HESSIAN);
    }
  },
  mean(scores, labels) {
    let sum = 0;
    for (let i = 0; i < scores.length; i++) {
      const s = scores[i];
      // log(1 + e^s) − y·s, computed without overflow.
      sum += (s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s))) - labels[i] * s;
    }
    return sum / scores.length;
  },
  initialScore(labels) {
    let positives = 0;
    for (let i = 0; i < labels.length; i++) positives += labels[i];
    const p = Math.min(Math.max(positives / labels.length, 1e-6), 1 - 1e-6);
    return Math.log(p / (1 - p));
  },
};
