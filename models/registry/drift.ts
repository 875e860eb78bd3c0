/**
 * Feature drift by the population stability index: PSI = Σ (a − e) · ln(a / e) over bins, where
 * e and a are the shares of the training data and of newer data in each bin. Bins are the
 * training data's deciles (kept with the model) plus one bin for missing values. Rule of thumb
 * (Siddiqi 2006): < 0.1 stable, 0.1–0.25 some shift, > 0.25 a shift worth retraining for.
 */
export interface DriftReference {
  /** Per feature: inner bin edges (x ≤ edge goes to the lower bin) and the training shares per bin (last = missing). */
  edges: number[][];
  shares: number[][];
}

/** Shares are floored at this so an empty bin does not make the index infinite. */
const MIN_SHARE = 1e-4;

export function driftReference(values: Float32Array, rows: number, columns: number): DriftReference {
  const edges: number[][] = [];
  const shares: number[][] = [];
  for (let f = 0; f < columns; f++) {
    let count = 0;
    const column = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      const x = values[r * columns + f];
      if (x === x) column[count++] = x;
    }
    const finite = column.subarray(0, count).sort();
    const e: number[] = [];
    for (let q = 1; q < 10; q++) {
      if (finite.length === 0) break;
      const x = finite[Math.min(finite.length - 1, Math.floor((q / 10) * finite.length))];
      if (e[e.length - 1] !== x) e.push(x);
    }
    edges.push(e);
    shares.push(binShares(values, rows, columns, f, e));
  }
  return { edges, shares };
}

export interface FeatureDrift {
  feature: string;
  psi: number;
  level: 'stable' | 'some shift' | 'shift';
}

export function featureDrift(
  reference: DriftReference,
  featureNames: string[],
  values: Float32Array,
  rows: number,
): FeatureDrift[] {
  const columns = featureNames.length;
  return featureNames.map((feature, f) => {
    const expected = reference.shares[f];
    const actual = binShares(values, rows, columns, f, reference.edges[f]);
    let psi = 0;
    for (let b = 0; b < expected.length; b++) {
      const e = Math.max(MIN_SHARE, expected[b]);
      const a = Math.max(MIN_SHARE, actual[b]);
      psi += (a - e) * Math.log(a / e);
    }
    return { feature, psi, level: psi < 0.1 ? 'stable' : psi <= 0.25 ? 'some shift' : 'shift' };
  });
}

function binShares(values: Float32Array, rows: number, columns: number, f: number, edges: number[]): number[] {
  const counts = new Array<number>(edges.length + 2).fill(0);
  for (let r = 0; r < rows; r++) {
    const x = values[r * columns + f];
    if (x !== x) {
      counts[edges.length + 1]++;
      continue;
    }
    let b = 0;
    while (b < edges.length && x > edges[b]) b++;
    counts[b]++;
  }
  return counts.map((c) => (rows > 0 ? c / rows : 0));
}
