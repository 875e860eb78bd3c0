/** Seeded uniform [0, 1) generator (mulberry32): a model trained twice with one seed is the same model. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct indices of 0..n−1 drawn uniformly (partial Fisher–Yates), in draw order. */
export function sampleWithoutReplacement(n: number, count: number, random: () => number): Int32Array {
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  const take = Math.min(count, n);
  for (let k = 0; k < take; k++) {
    const j = k + Math.floor(random() * (n - k));
    const swap = pool[k];
    pool[k] = pool[j];
    pool[j] = swap;
  }
  return pool.slice(0, take);
}

/** Each of 0..n−1 kept with probability `share`, in increasing order (rows stay in memory order). */
export function bernoulliSample(n: number, share: number, random: () => number): Int32Array {
  const kept = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) if (random() < share) kept[count++] = i;
  return kept.slice(0, count);
}

const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

/** The largest float32 strictly below x (x finite): `v <= below(p)` ⇔ `v < p` for float32 v. */
export function float32Below(x: number): number {
  f32[0] = x;
  if (f32[0] < x) return f32[0];
  // Step one ulp towards −∞ in the float32 bit pattern.
  if (f32[0] === 0) return -1.401298464324817e-45;
  i32[0] += f32[0] > 0 ? -1 : 1;
  return f32[0];
}
