import { InputError } from '../errors.ts';
import type { RuleSelection, Signal } from './types.ts';

/**
 * Minitab's eight tests for special causes, each with its K. Where Minitab's wording leaves the
 * count open we follow its convention as documented by the R package Rspc ('minitab' convention):
 * test 3 is K consecutive increases (K + 1 points), test 4 is K consecutive alternating moves.
 */
export interface TestSetting {
  test: number;
  k: number;
}

export const DEFAULT_K: Readonly<Record<number, number>> = { 1: 3, 2: 9, 3: 6, 4: 14, 5: 2, 6: 4, 7: 15, 8: 8 };

export function describeTest(test: number, k: number): string {
  switch (test) {
    case 1:
      return `Test 1: 1 point more than ${k} standard deviations from center line`;
    case 2:
      return `Test 2: ${k} points in a row on same side of center line`;
    case 3:
      return `Test 3: ${k} points in a row, all increasing or all decreasing`;
    case 4:
      return `Test 4: ${k} points in a row, alternating up and down`;
    case 5:
      return `Test 5: ${k} out of ${k + 1} points more than 2 standard deviations from center line (same side)`;
    case 6:
      return `Test 6: ${k} out of ${k + 1} points more than 1 standard deviation from center line (same side)`;
    case 7:
      return `Test 7: ${k} points in a row within 1 standard deviation of center line (either side)`;
    default:
      return `Test 8: ${k} points in a row more than 1 standard deviation from center line (either side)`;
  }
}

/** The tests a selection stands for, with their K. */
export function resolveRules(
  selection: RuleSelection | undefined,
  testK: Partial<Record<number, number>> = {},
): TestSetting[] {
  let tests: number[];
  const presetK: Record<number, number> = {};
  if (selection === undefined || selection === 'minitab') tests = [1];
  else if (selection === 'nelson') tests = [1, 2, 3, 4, 5, 6, 7, 8];
  else if (selection === 'western-electric') {
    // Western Electric Handbook (1956): beyond 3σ, 2 of 3 beyond 2σ, 4 of 5 beyond 1σ, 8 in a row on one side.
    tests = [1, 2, 5, 6];
    presetK[2] = 8;
  } else tests = [...new Set(selection)].sort((a, b) => a - b);
  for (const t of tests) {
    if (!Number.isInteger(t) || t < 1 || t > 8) {
      throw new InputError(`There is no test for special causes number ${t}.`, {
        hint: 'Choose tests 1 to 8, or minitab, western-electric or nelson.',
      });
    }
  }
  return tests.map((test) => {
    const k = testK[test] ?? presetK[test] ?? DEFAULT_K[test];
    const least = test === 1 ? 0 : test === 5 || test === 6 ? 1 : 2;
    if (!(Number.isFinite(k) && (test === 1 ? k > least : Number.isInteger(k) && k >= least))) {
      throw new InputError(`K = ${k} does not make sense for test ${test}.`, {
        hint: `Use ${test === 1 ? 'a positive number' : `a whole number of at least ${least}`}.`,
      });
    }
    return { test, k };
  });
}

/** What a chart may be tested for: zone tests (5–8) assume a symmetric, normal statistic. */
export type ChartFamily = 'location' | 'dispersion-or-attribute' | 'cumulative';

export function applicableTests(settings: TestSetting[], family: ChartFamily): TestSetting[] {
  if (family === 'location') return settings;
  if (family === 'dispersion-or-attribute') return settings.filter((s) => s.test <= 4);
  return settings.filter((s) => s.test === 1);
}

export interface TestedSeries {
  points: readonly (number | null)[];
  center: readonly number[];
  /** One σ of the plotted statistic per point. */
  zoneSigma: readonly number[];
  lcl: readonly number[];
  ucl: readonly number[];
  /** Phase per point: runs and windows never cross a phase boundary. */
  phase: readonly number[];
}

/** Every test failed at every point, ordered by point then test. */
export function testSpecialCauses(series: TestedSeries, settings: TestSetting[]): Signal[] {
  const hits: Signal[] = [];
  const m = series.points.length;
  let start = 0;
  while (start < m) {
    let end = start;
    while (end < m && series.phase[end] === series.phase[start]) end++;
    // Missing points (null) are skipped: the tests look at consecutive plotted points.
    const idx: number[] = [];
    for (let i = start; i < end; i++) if (series.points[i] !== null && Number.isFinite(series.points[i])) idx.push(i);
    for (const s of settings) testPhase(series, idx, s, hits);
    start = end;
  }
  return hits.sort((a, b) => a.index - b.index || a.rule - b.rule);
}

function testPhase(series: TestedSeries, idx: number[], setting: TestSetting, hits: Signal[]): void {
  const { test, k } = setting;
  const description = describeTest(test, k);
  const x = (j: number) => series.points[idx[j]] as number;
  // Without spread (σ = 0) there are no zones: z is NaN and every zone comparison is false.
  const z = (j: number) => {
    const i = idx[j];
    return series.zoneSigma[i] > 0 ? (x(j) - series.center[i]) / series.zoneSigma[i] : NaN;
  };
  const flag = (j: number) => hits.push({ index: idx[j], rule: test, description });
  let run = 0;
  let side = 0;
  for (let j = 0; j < idx.length; j++) {
    switch (test) {
      case 1: {
        const i = idx[j];
        if (x(j) > series.ucl[i] || x(j) < series.lcl[i]) flag(j);
        break;
      }
      case 2: {
        const s = Math.sign(x(j) - series.center[idx[j]]);
        run = s !== 0 && s === side ? run + 1 : s !== 0 ? 1 : 0;
        side = s;
        if (run >= k) flag(j);
        break;
      }
      case 3: {
        const s = j === 0 ? 0 : Math.sign(x(j) - x(j - 1));
        run = s !== 0 && s === side ? run + 1 : s !== 0 ? 1 : 0;
        side = s;
        if (run >= k) flag(j);
        break;
      }
      case 4: {
        const s = j === 0 ? 0 : Math.sign(x(j) - x(j - 1));
        run = s !== 0 && s === -side ? run + 1 : s !== 0 ? 1 : 0;
        side = s;
        if (run >= k) flag(j);
        break;
      }
      case 5:
      case 6: {
        const limit = test === 5 ? 2 : 1;
        const zj = z(j);
        if (!(Math.abs(zj) > limit)) break;
        const sign = Math.sign(zj);
        let count = 0;
        for (let w = Math.max(0, j - k); w <= j; w++) if (sign * z(w) > limit) count++;
        if (count >= k) flag(j);
        break;
      }
      case 7:
        run = Math.abs(z(j)) < 1 ? run + 1 : 0;
        if (run >= k) flag(j);
        break;
      default:
        run = Math.abs(z(j)) > 1 ? run + 1 : 0;
        if (run >= k) flag(j);
    }
  }
}
