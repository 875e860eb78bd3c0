import { Random } from '../../bench/generator/random.ts';

/**
 * A minimal isolation forest (Liu, Ting & Zhou 2008) for the anomaly-model measurement only:
 * T trees on subsamples of ψ rows, a random feature with spread and a uniform split between its
 * min and max at each node, height limit ⌈log2 ψ⌉, score 2^(−E[h(x)] / c(ψ)) with the c(n)
 * correction at unsplit leaves. Trained and scored in one go on the same rows.
 */
export function c(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + 0.5772156649015329) - (2 * (n - 1)) / n;
}

export function isolationForestScores(values: Float32Array, rows: number, columns: number, trees = 100, psi = 256, seed = 1): Float64Array {
  const random = new Random(seed);
  const sample = Math.min(psi, rows);
  const limit = Math.ceil(Math.log2(sample));
  const pathSum = new Float64Array(rows);
  // Missing values (a step the case does not have) take the column's median, the usual imputation.
  const medians = new Float64Array(columns);
  for (let f = 0; f < columns; f++) {
    const present: number[] = [];
    for (let r = 0; r < rows; r++) if (values[r * columns + f] === values[r * columns + f]) present.push(values[r * columns + f]);
    present.sort((a, b) => a - b);
    medians[f] = present.length ? present[present.length >> 1] : 0;
  }
  const x = (r: number, f: number) => {
    const v = values[r * columns + f];
    return v === v ? v : medians[f];
  };
  for (let t = 0; t < trees; t++) {
    const picked: number[] = [];
    for (let k = 0; k < sample; k++) picked.push(random.int(rows));
    // Grow with the sample, then route every row down the same splits.
    type Node = { leaf: true; size: number } | { leaf: false; f: number; at: number; left: Node; right: Node };
    const grow = (idx: number[], depth: number): Node => {
      if (depth >= limit || idx.length <= 1) return { leaf: true, size: idx.length };
      const candidates: number[] = [];
      for (let f = 0; f < columns; f++) {
        let lo = Infinity;
        let hi = -Infinity;
        for (const r of idx) {
          lo = Math.min(lo, x(r, f));
          hi = Math.max(hi, x(r, f));
        }
        if (hi > lo) candidates.push(f);
      }
      if (candidates.length === 0) return { leaf: true, size: idx.length };
      const f = candidates[random.int(candidates.length)];
      let lo = Infinity;
      let hi = -Infinity;
      for (const r of idx) {
        lo = Math.min(lo, x(r, f));
        hi = Math.max(hi, x(r, f));
      }
      const at = lo + random.next() * (hi - lo);
      return { leaf: false, f, at, left: grow(idx.filter((r) => x(r, f) < at), depth + 1), right: grow(idx.filter((r) => x(r, f) >= at), depth + 1) };
    };
    const root = grow(picked, 0);
    for (let r = 0; r < rows; r++) {
      let node = root;
      let depth = 0;
      while (!node.leaf) {
        node = x(r, node.f) < node.at ? node.left : node.right;
        depth++;
      }
      pathSum[r] += depth + c(node.size);
    }
  }
  const scores = new Float64Array(rows);
  for (let r = 0; r < rows; r++) scores[r] = Math.pow(2, -pathSum[r] / trees / c(sample));
  return scores;
}
