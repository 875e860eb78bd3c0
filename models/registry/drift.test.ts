import { describe, expect, it } from 'vitest';
import { driftReference, featureDrift } from './drift.ts';

describe('featureDrift (PSI)', () => {
  // Training 0..99: deciles at 10, 20, … 90 → ten bins of 10% each, none missing.
  const train = Float32Array.from({ length: 100 }, (_, i) => i);
  const ref = driftReference(train, 100, 1);

  it('is 0 for the same distribution', () => {
    expect(featureDrift(ref, ['x'], train, 100)[0].psi).toBeCloseTo(0, 12);
  });

  it('matches the formula worked by hand when half of the new values fall in the lowest bin', () => {
    // New data: 50 values in bin 0 (≤ 10), the rest spread 5.56% over bins 1..9.
    const fresh = Float32Array.from({ length: 90 }, (_, i) => (i < 45 ? 0 : 11 + (i - 45) * 2));
    const d = featureDrift(ref, ['x'], fresh, 90)[0];
    const binCounts = new Array<number>(12).fill(0);
    for (const x of fresh) binCounts[x <= 10 ? 0 : Math.min(9, Math.ceil((x - 10) / 10))]++;
    const expected = [0.11, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.09, 0, 0];
    let psi = 0;
    binCounts.forEach((n, b) => {
      const a = Math.max(1e-4, n / 90);
      const e = Math.max(1e-4, expected[b]);
      psi += (a - e) * Math.log(a / e);
    });
    expect(d.psi).toBeCloseTo(psi, 10);
    expect(d.level).toBe('shift');
  });
});
