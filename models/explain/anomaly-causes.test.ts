import { describe, expect, it } from 'vitest';
import { seededRandom } from '../ensemble/random-ensemble.fixture.ts';
import { trainIsolationForest } from '../train/isolation-forest.ts';
import { anomalyCauses, orientForAnomaly } from './anomaly-causes.ts';
import { treeShap } from './tree-shap.ts';

describe('anomaly causes from an isolation forest', () => {
  it('names the one feature in which a case is extreme as its main cause', () => {
    const random = seededRandom(21);
    const width = 5;
    const n = 3000;
    // Roughly normal features (sum of three uniforms, sd 0.5): sparse tails, as in real data.
    const features = Float32Array.from({ length: n * width }, () => random() + random() + random() - 1.5);
    // Row k (k < 5) is ordinary except for feature k, which is far out (8 sd).
    for (let k = 0; k < width; k++) {
      features.fill(0, k * width, (k + 1) * width);
      features[k * width + k] = 4;
    }
    const forest = trainIsolationForest(features, n, { featureNames: ['a', 'b', 'c', 'd', 'e'], trees: 100, seed: 3 });
    const rows = features.subarray(0, width * width);
    const shap = treeShap(forest, rows, width);
    // (Their scores are not asserted: an isolation forest dilutes a case that is extreme in one
    // feature of five, the reason the anomaly model is chosen by measurement. The explanation
    // still has to name that feature.)
    for (let k = 0; k < width; k++) {
      const causes = anomalyCauses(shap, k, 2);
      expect(causes[0].feature).toBe(k);
      // The raw contribution is negative (shorter path) and the oriented one positive.
      expect(shap.contributions[k * width + k]).toBeLessThan(0);
      expect(orientForAnomaly(shap)[k * width + k]).toBe(-shap.contributions[k * width + k]);
      if (causes[1]) expect(causes[0].towardsAnomalous).toBeGreaterThan(3 * causes[1].towardsAnomalous);
    }
  });

  it('refuses a row outside the explained rows', () => {
    const shap = { contributions: new Float64Array(4), baseValue: 0, nRows: 2, width: 2 };
    expect(() => anomalyCauses(shap, 2)).toThrow(/Row 2/);
  });
});
