/**
 * The SPC engine's contract: subgroups in, charts out. Pure numbers, no event-log knowledge; the
 * measures engine (main/engine/measures) turns a log into subgroups and the UI draws the charts.
 */

/** What to chart. Variables: one array of values per subgroup (all of length 1 → I-MR). Attributes:
 * per subgroup the count (defectives for P/NP, defects for C/U) and its size (n, or units for U). */
export type ChartInput =
  | { kind: 'variables'; subgroups: number[][]; labels: string[] }
  | { kind: 'attributes'; counts: number[]; sizes: number[]; labels: string[] };

export type ChartType = 'imr' | 'xbar-r' | 'xbar-s' | 'p' | 'np' | 'c' | 'u' | 'laney-p' | 'laney-u' | 'ewma' | 'cusum';

export const CHART_TYPES: readonly ChartType[] = ['imr', 'xbar-r', 'xbar-s', 'p', 'np', 'c', 'u', 'laney-p', 'laney-u', 'ewma', 'cusum'];

/** Tests for special causes: numbers 1–8, or a preset. 'minitab' is Minitab's default (test 1
 * only); 'western-electric' is tests 1, 5, 6 and 2 with 8 points; 'nelson' is all eight. */
export type RuleSelection = number[] | 'minitab' | 'western-electric' | 'nelson';

/** The scale measured values are charted on: as they are, logs, or Box-Cox with a fitted λ. */
export type ChartTransform = 'none' | 'log' | 'box-cox';

export const CHART_TRANSFORMS: readonly ChartTransform[] = ['none', 'log', 'box-cox'];

export interface AppliedTransform {
  name: 'log' | 'box-cox';
  /** Box-Cox λ fitted on the pooled values (0 is the log); null for the log. */
  lambda: number | null;
  /** Added to every value first, so zero durations can be transformed (0 when all are positive). */
  shift: number;
}

export interface ChartOptions {
  chart: ChartType;
  /** Limits from N subgroups only (of the first phase, from `baselineStart` on), applied to every other point. */
  baseline?: number;
  /** First subgroup of the baseline (default 0): a baseline of dates may start after the first point. */
  baselineStart?: number;
  /** Subgroup indices (0-based) left out of the limit calculation: assignable causes. Still plotted and tested. */
  exclude?: number[];
  /** Subgroup indices where a new phase starts (after a process change); each phase gets its own limits. */
  phases?: number[];
  /** EWMA/CUSUM: the process target (default: the baseline mean). */
  target?: number;
  /** EWMA/CUSUM: the process σ of one observation (default: estimated from the baseline). */
  sigma?: number;
  /** EWMA weight, 0 < λ ≤ 1 (default 0.2). */
  lambda?: number;
  /** EWMA limit width in σ of the EWMA statistic (default 3). */
  L?: number;
  /** CUSUM reference value in σ units (default 0.5: tuned to a 1σ shift). */
  k?: number;
  /** CUSUM decision interval in σ units (default 4, as Minitab). */
  h?: number;
  /** Tests for special causes (default 'minitab': test 1). */
  rules?: RuleSelection;
  /** Override a test's K (e.g. { 2: 8 }); the defaults are Minitab's 3, 9, 6, 14, 2, 4, 15, 8. */
  testK?: Partial<Record<number, number>>;
  /** Chart measured values on the log or fitted Box-Cox scale (heavy-tailed durations); default 'none'. */
  transform?: ChartTransform;
}

export type ChartName = 'I' | 'MR' | 'Xbar' | 'R' | 'S' | 'P' | 'NP' | 'C' | 'U' | 'EWMA' | 'CUSUM';

export interface Signal {
  /** 0-based subgroup index. */
  index: number;
  /** The test number 1–8. */
  rule: number;
  /** The test in Minitab's words, with its K. */
  description: string;
}

export interface ControlChart {
  name: ChartName;
  /** The plotted statistic per subgroup; null where it does not exist (the first MR of a phase,
   * a subgroup of one value on an S chart). CUSUM: the upper sum S_hi. */
  points: (number | null)[];
  labels: string[];
  /** Subgroup sizes (units for U). */
  n: number[];
  /** One number when constant over the chart, else one value per point. */
  center: number | number[];
  lcl: number | number[];
  ucl: number | number[];
  /** Every test failed at every point: a point failing several tests is listed once per test. */
  signals: Signal[];
  /** The subgroups the user left out of the limits as assignable causes (the `exclude` option),
   * sorted; only those. Points outside a baseline are outside the limits too but are not listed
   * here: `baselinePoints` says which points the first phase's limits come from. */
  excluded: number[];
  /** With a baseline: the number of subgroups the first phase's limits come from (their limits
   * hold for every other point of the phase). Null when every subgroup of a phase counts. */
  baseline: number | null;
  /** With a baseline: its first and last subgroup (inclusive), so a view shades exactly the
   * points the limits come from. Null without a baseline. */
  baselinePoints: [number, number] | null;
  /** Phase number (0-based) of each point. */
  phase: number[];
  /** The tests applied to this chart (tests 5–8 are not defined on R, S, MR, attribute charts;
   * EWMA and CUSUM take test 1 only). */
  rules: number[];
  /** One σ of the plotted statistic at each point: the zone width of tests 2 and 5–8. */
  zoneSigma: number[];
  /** Per phase: the estimated (or given) process centre and σ of one observation (one unit for
   * attribute charts: √(p̄(1−p̄)), √ū, √c̄, times Laney's σ_z for P′ and U′, given as sigmaZ). */
  estimates: { phase: number; center: number; sigma: number; sigmaZ?: number }[];
  /** CUSUM only: the lower sum S_lo ≥ 0 as NIST and Montgomery tabulate it; plot it as −S_lo
   * against lcl = −H. A point signals when either sum exceeds H. */
  lower?: number[];
}

export interface ControlChartResult {
  charts: ControlChart[];
  /** The scale the points, limits and estimates are on; null when the values are charted as they are. */
  transform: AppliedTransform | null;
  /** Plain-words remarks: what was estimated from what, tests that do not apply, clipped limits. */
  notes: string[];
}
