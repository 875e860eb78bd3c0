import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Published worked examples for the SPC tests. The NIST e-Handbook files live in
 * ../shared/data/spc/ (public domain); the textbook data sets are typed in from their sources.
 */
const SHARED = fileURLToPath(new URL('../../../../shared/data/spc/', import.meta.url));

/** Reads one of the shared NIST CSVs as rows of numbers keyed by header. */
export function readSharedCsv(name: string): Record<string, number>[] {
  const [header, ...rows] = readFileSync(`${SHARED}${name}`, 'utf8').trim().split(/\r?\n/);
  const names = header.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((v, i) => [names[i], Number(v)])));
}

export const sharedDataPath = (name: string): string => `${SHARED}${name}`;

/**
 * Montgomery, Introduction to Statistical Quality Control (6th ed.), Table 6.3: inside diameter of
 * piston rings, 25 preliminary samples of 5 (Examples 6.1 and 6.3), then 15 phase-II samples
 * (Table 6.2 / Figure 6.5). The R package qcc's `pistonrings` holds the same data except sample 21,
 * typed here as the book prints it (73.982 … 74.015; ΣR = 0.581 as in Example 6.1).
 */
export const PISTON_RINGS: number[][] = [
  [74.03, 74.002, 74.019, 73.992, 74.008],
  [73.995, 73.992, 74.001, 74.011, 74.004],
  [73.988, 74.024, 74.021, 74.005, 74.002],
  [74.002, 73.996, 73.993, 74.015, 74.009],
  [73.992, 74.007, 74.015, 73.989, 74.014],
  [74.009, 73.994, 73.997, 73.985, 73.993],
  [73.995, 74.006, 73.994, 74.0, 74.005],
  [73.985, 74.003, 73.993, 74.015, 73.988],
  [74.008, 73.995, 74.009, 74.005, 74.004],
  [73.998, 74.0, 73.99, 74.007, 73.995],
  [73.994, 73.998, 73.994, 73.995, 73.99],
  [74.004, 74.0, 74.007, 74.0, 73.996],
  [73.983, 74.002, 73.998, 73.997, 74.012],
  [74.006, 73.967, 73.994, 74.0, 73.984],
  [74.012, 74.014, 73.998, 73.999, 74.007],
  [74.0, 73.984, 74.005, 73.998, 73.996],
  [73.994, 74.012, 73.986, 74.005, 74.007],
  [74.006, 74.01, 74.018, 74.003, 74.0],
  [73.984, 74.002, 74.003, 74.005, 73.997],
  [74.0, 74.01, 74.013, 74.02, 74.003],
  [73.982, 74.001, 74.015, 74.005, 73.996],
  [74.004, 73.999, 73.99, 74.006, 74.009],
  [74.01, 73.989, 73.99, 74.009, 74.014],
  [74.015, 74.008, 73.993, 74.0, 74.01],
  [73.982, 73.984, 73.995, 74.017, 74.013],
  [74.012, 74.015, 74.03, 73.986, 74.0],
  [73.995, 74.01, 73.99, 74.015, 74.001],
  [73.987, 73.999, 73.985, 74.0, 73.99],
  [74.008, 74.01, 74.003, 73.991, 74.006],
  [74.003, 74.0, 74.001, 73.986, 73.997],
  [73.994, 74.003, 74.015, 74.02, 74.004],
  [74.008, 74.002, 74.018, 73.995, 74.005],
  [74.001, 74.004, 73.99, 73.996, 73.998],
  [74.015, 74.0, 74.016, 74.025, 74.0],
  [74.03, 74.005, 74.0, 74.016, 74.012],
  [74.001, 73.99, 73.995, 74.01, 74.024],
  [74.015, 74.02, 74.024, 74.005, 74.019],
  [74.035, 74.01, 74.012, 74.015, 74.026],
  [74.017, 74.013, 74.036, 74.025, 74.026],
  [74.01, 74.005, 74.029, 74.0, 74.02],
];

/**
 * Montgomery Table 6.4 (Example 6.4, Xbar-S with variable sample size): Table 6.3 with some rings
 * missing, samples 1–22 with the x̄ᵢ and sᵢ the book prints beside them.
 */
export const PISTON_RINGS_VARYING: { values: number[]; mean: number; s: number }[] = [
  { values: [74.03, 74.002, 74.019, 73.992, 74.008], mean: 74.01, s: 0.0148 },
  { values: [73.995, 73.992, 74.001], mean: 73.996, s: 0.0046 },
  { values: [73.988, 74.024, 74.021, 74.005, 74.002], mean: 74.008, s: 0.0147 },
  { values: [74.002, 73.996, 73.993, 74.015, 74.009], mean: 74.003, s: 0.0091 },
  { values: [73.992, 74.007, 74.015, 73.989, 74.014], mean: 74.003, s: 0.0122 },
  { values: [74.009, 73.994, 73.997, 73.985], mean: 73.996, s: 0.0099 },
  { values: [73.995, 74.006, 73.994, 74.0], mean: 73.999, s: 0.0055 },
  { values: [73.985, 74.003, 73.993, 74.015, 73.988], mean: 73.997, s: 0.0123 },
  { values: [74.008, 73.995, 74.009, 74.005], mean: 74.004, s: 0.0064 },
  { values: [73.998, 74.0, 73.99, 74.007, 73.995], mean: 73.998, s: 0.0063 },
  { values: [73.994, 73.998, 73.994, 73.995, 73.99], mean: 73.994, s: 0.0029 },
  { values: [74.004, 74.0, 74.007, 74.0, 73.996], mean: 74.001, s: 0.0042 },
  { values: [73.983, 74.002, 73.998], mean: 73.994, s: 0.01 },
  { values: [74.006, 73.967, 73.994, 74.0, 73.984], mean: 73.99, s: 0.0153 },
  { values: [74.012, 74.014, 73.998], mean: 74.008, s: 0.0087 },
  { values: [74.0, 73.984, 74.005, 73.998, 73.996], mean: 73.997, s: 0.0078 },
  { values: [73.994, 74.012, 73.986, 74.005], mean: 73.999, s: 0.0115 },
  { values: [74.006, 74.01, 74.018, 74.003, 74.0], mean: 74.007, s: 0.007 },
  { values: [73.984, 74.002, 74.003, 74.005, 73.997], mean: 73.998, s: 0.0085 },
  { values: [74.0, 74.01, 74.013], mean: 74.008, s: 0.0068 },
  { values: [73.982, 74.001, 74.015, 74.005, 73.996], mean: 74.0, s: 0.0122 },
  { values: [74.004, 73.999, 73.99, 74.006, 74.009], mean: 74.002, s: 0.0074 },
];

/**
 * Orange-juice cans, nonconforming out of 50 (Montgomery Example 7.1, Tables 7.1 and 7.2; NIST
 * e-Handbook 6.3.3.2): 30 preliminary samples, then 24 after the machine adjustment.
 */
export const ORANGE_JUICE: number[] = [
  12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6, 9, 6, 12,
  5, 6, 4, 6, 3, 7, 6, 2, 4, 3, 6, 5, 4, 8, 5, 6, 7, 5, 6, 3, 5,
];

/**
 * Nonconformities on printed circuit boards, 100 boards per sample (Montgomery Example 7.3,
 * Table 7.7: 26 samples; Table 7.8: 20 more). Also the `circuit` data of qcc.
 */
export const CIRCUIT_BOARDS: number[] = [
  21, 24, 16, 12, 15, 5, 28, 20, 31, 25, 20, 24, 16, 19, 10, 17, 13, 22, 18, 39, 30, 24, 16, 19, 17, 15, 16, 18, 12, 15,
  24, 21, 28, 20, 25, 19, 18, 21, 16, 22, 19, 12, 14, 9, 16, 21,
];

/**
 * Bruised peaches per shipment, 250 per crate, 1 or 2 crates (Pyzdek, The Handbook for Quality
 * Management, 2nd ed., Table 9.6: p chart with varying sample size; totals 8000 and 1544).
 */
export const PEACHES: { n: number; bruised: number }[] = [
  [250, 47],
  [250, 42],
  [250, 55],
  [250, 51],
  [250, 46],
  [250, 61],
  [250, 39],
  [250, 44],
  [250, 41],
  [250, 51],
  [500, 88],
  [500, 101],
  [500, 101],
  [250, 40],
  [250, 48],
  [250, 47],
  [250, 50],
  [250, 48],
  [250, 57],
  [250, 45],
  [250, 43],
  [500, 105],
  [500, 98],
  [500, 100],
  [500, 96],
].map(([n, bruised]) => ({ n, bruised }));

/**
 * Montgomery Table 9.1 (Examples 9.1 and 9.2): 20 observations from N(10, 1), then 10 after the
 * mean shifted to 11. Tabular CUSUM with k = 0.5, h = 5 and EWMA with λ = 0.1, L = 2.7.
 */
export const MONTGOMERY_9_1: number[] = [
  9.45, 7.99, 9.29, 11.66, 12.16, 10.18, 8.04, 11.46, 9.2, 10.34, 9.03, 11.47, 10.51, 9.4, 10.08, 9.37, 10.62, 10.31,
  8.52, 10.84, 10.9, 9.33, 12.29, 11.5, 10.6, 11.08, 10.38, 11.62, 11.31, 10.52,
];

/** Montgomery Table 9.2: the upper CUSUM C⁺ᵢ for Table 9.1, as printed (two decimals). */
export const MONTGOMERY_9_2_UPPER: number[] = [
  0, 0, 0, 1.16, 2.82, 2.5, 0.04, 1.0, 0, 0, 0, 0.97, 0.98, 0, 0, 0, 0.12, 0, 0, 0.34, 0.74, 0, 1.79, 2.79, 2.89, 3.47,
  3.35, 4.47, 5.28, 5.3,
];

export const labelsFor = (m: number): string[] => Array.from({ length: m }, (_, i) => String(i + 1));

/**
 * Nonconformities on personal computers, samples of 5 (Montgomery Example 7.6: ū = 1.93,
 * UCL 3.79, LCL 0.07). Also the `pcmanufact` data of qcc.
 */
export const PC_NONCONFORMITIES: number[] = [10, 12, 8, 14, 10, 16, 11, 7, 10, 15, 9, 5, 7, 11, 12, 6, 8, 10, 7, 5];
