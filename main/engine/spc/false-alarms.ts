import { resolveRules, testSpecialCauses, type TestSetting } from './special-causes.ts';
import type { RuleSelection } from './types.ts';

/**
 * How often a set of tests for special causes fires on a stable, normal process: the in-control
 * average run length (ARL₀, points to the first false alarm) and the share of points flagged in a
 * long stable series. Run tests add false alarms; a user comparing "alarms in the stable part"
 * with what chance explains needs this number. Estimated by simulation with a fixed seed, so the
 * same rules always give the same answer; the standard error says how precise it is.
 */
export interface FalseAlarmRate {
  /** Tests simulated, with their K. */
  rules: TestSetting[];
  /** Average run length to the first signal of an in-control process. */
  arl: number;
  /** Standard error of the ARL estimate. */
  arlStandardError: number;
  /** Share of points that fail at least one test in a long stable series. */
  pointRate: number;
  runs: number;
}

/** Park–Miller generator and Box–Muller normals: reproducible without a dependency. */
function normalSource(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  let spare: number | null = null;
  const uniform = () => (state = (state * 16807) % 2147483647) / 2147483647;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const t = 2 * Math.PI * uniform();
    spare = r * Math.sin(t);
    return r * Math.cos(t);
  };
}

function signalledPoints(points: number[], rules: TestSetting[]): Set<number> {
  const m = points.length;
  const ones = new Array<number>(m).fill(1);
  const k = rules.find((r) => r.test === 1)?.k ?? 3;
  const hits = testSpecialCauses(
    {
      points,
      center: new Array<number>(m).fill(0),
      zoneSigma: ones,
      lcl: new Array<number>(m).fill(-k),
      ucl: new Array<number>(m).fill(k),
      phase: new Array<number>(m).fill(0),
    },
    rules,
  );
  return new Set(hits.map((h) => h.index));
}

export function falseAlarmRate(
  selection: RuleSelection,
  options: { runs?: number; seed?: number; testK?: Partial<Record<number, number>> } = {},
): FalseAlarmRate {
  const rules = resolveRules(selection, options.testK);
  const runs = options.runs ?? 4000;
  if (rules.length === 0) return { rules, arl: Infinity, arlStandardError: 0, pointRate: 0, runs: 0 };
  const next = normalSource(options.seed ?? 20260);
  let sum = 0;
  let sumSq = 0;
  for (let r = 0; r < runs; r++) {
    // Grow the run until a test fires; each run starts afresh (no memory of the last alarm).
    const points: number[] = [];
    let length = 0;
    for (let size = 256; length === 0; size *= 2) {
      while (points.length < size) points.push(next());
      const hits = signalledPoints(points, rules);
      if (hits.size > 0) length = Math.min(...hits) + 1;
    }
    sum += length;
    sumSq += length * length;
  }
  const arl = sum / runs;
  const variance = Math.max(0, sumSq / runs - arl * arl);
  const series = Array.from({ length: 200_000 }, next);
  return {
    rules,
    arl,
    arlStandardError: Math.sqrt(variance / runs),
    pointRate: signalledPoints(series, rules).size / series.length,
    runs,
  };
}
