/**
 * Statistical process control of a measure: control charts with the chooser's advice, the tests
 * for special causes, phases and capability. Every point of a chart leads back to its cases.
 */
import type { LogBasis } from './analysis.ts';
import type { CallKinds } from './calls.ts';
import type { LogFilter } from './filters.ts';
import type { ChartType, MeasureInfo, MeasurePeriod } from './measures.ts';

/** Tests for special causes: numbers 1–8, or a preset (Minitab default = test 1; Western Electric = 1, 2, 5, 6; Nelson = all). */
export type RuleSelection = number[] | 'minitab' | 'western-electric' | 'nelson';

/** The tests and the EWMA/CUSUM settings a chart is drawn with, as the engine takes them. */
export interface ChartSettings {
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
}

export interface ControlChartRequest extends ChartSettings {
  measure: string;
  /** The activity the measure is about (waiting time before it, defects as it, …). */
  activity?: string;
  period?: MeasurePeriod;
  timeZone?: string;
  /** Default: the measure's chart (by period, or by unit with `byUnit`). */
  chart?: ChartType;
  /** The scale measured values are charted on (heavy-tailed durations: 'log' or 'box-cox'); default 'none'. */
  transform?: ChartTransform;
  /** One point per unit (case, event) in time order instead of one per period. */
  byUnit?: boolean;
  /** Limits from the first N points, or from the points whose period starts in [from, to]. */
  baseline?: number | { from: string; to: string };
  /** Points (0-based) left out of the limits: assignable causes. Still drawn and tested. */
  exclude?: number[];
  /** Points (0-based) where a new phase starts, each with its own limits. */
  phases?: number[];
  /** Specification limits in the measure's unit: with one or both, capability is computed. */
  specs?: { lsl?: number; usl?: number; target?: number };
  /** How capability treats non-normal data; 'auto' follows the normality check. */
  capabilityMethod?: CapabilityMethod;
  filters?: LogFilter[];
}

export const CHART_TRANSFORMS = ['none', 'log', 'box-cox'] as const;
export type ChartTransform = (typeof CHART_TRANSFORMS)[number];

/** A transform as applied to the values before charting. */
export interface AppliedTransform {
  name: 'log' | 'box-cox';
  /** Box-Cox λ fitted on the pooled values (0 is the log); null for the log. */
  lambda: number | null;
  /** Added to every value first, so zero durations can be transformed (0 when all are positive). */
  shift: number;
}

export type ChartName = 'I' | 'MR' | 'Xbar' | 'R' | 'S' | 'P' | 'NP' | 'C' | 'U' | 'EWMA' | 'CUSUM';

export interface ChartSignal {
  /** 0-based point (subgroup) index. */
  index: number;
  /** Test number 1–8. */
  rule: number;
  /** The test in Minitab's words, with its K. */
  description: string;
}

export interface ControlChartSeries {
  name: ChartName;
  /** The plotted statistic per point; null where it does not exist (the first MR of a phase,
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
  signals: ChartSignal[];
  /** The points the user left out of the limits (`exclude`), sorted; only those. Points outside a
   * baseline are outside the limits too but are not listed here: `baselinePoints` says which
   * points the first phase's limits come from. */
  excluded: number[];
  /** With a baseline: its first and last point (inclusive), so a view shades exactly the points
   * the first phase's limits come from. Null without a baseline. */
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
  /** CUSUM only: the lower sum S_lo ≥ 0 as NIST and Montgomery tabulate it; drawn as −S_lo
   * against lcl = −H. A point signals when either sum exceeds H. */
  lower?: number[];
}

/** What a point stands for: its period (or unit), and how many cases are behind it. */
export interface ChartPoint {
  label: string;
  /** Start of the period (or the unit's instant), ISO. */
  from: string;
  /** End of the period (exclusive), ISO; equal to `from` for a point per unit. */
  to: string;
  /** Distinct cases behind the point. */
  cases: number;
  /** The case, for a point per unit. */
  caseId?: string;
  /** Share of the period the log covers, where it covers only part of it (the first or last period). */
  covered?: number;
}

/** The chooser's advice in plain words, like Minitab's Assistant (main/engine/spc/chart-chooser.ts). */
export interface ChartAdvice {
  chart: ChartType;
  dataType: 'individuals' | 'subgroups' | 'defectives' | 'defects';
  /** Why this chart, in one or two sentences (with the overdispersion ratio when it proposes Laney). */
  reason: string;
  alternatives: ChartType[];
  /** Checks before the limits can be trusted. */
  checks: {
    name: 'subgroups' | 'stability' | 'normality' | 'heavy-tail' | 'autocorrelation' | 'overdispersion';
    status: 'ok' | 'warning' | 'not-applicable';
    message: string;
    value?: number;
  }[];
  /** The scale the heavy-tail check proposes ('none' when the data chart well as they are). */
  transform: ChartTransform;
}

export const CAPABILITY_METHODS = ['auto', 'normal', 'box-cox', 'lognormal', 'weibull'] as const;
/** The model capability uses; 'auto' keeps normal when Anderson–Darling passes, else the best fit. */
export type CapabilityMethod = (typeof CAPABILITY_METHODS)[number];
export type CapabilityDistribution = Exclude<CapabilityMethod, 'auto'>;

export interface CapabilityIndices {
  cp: number | null;
  cpl: number | null;
  cpu: number | null;
  cpk: number | null;
  pp: number | null;
  ppl: number | null;
  ppu: number | null;
  ppk: number | null;
}

/** How one model of the data fits (Anderson–Darling) and the capability it gives. */
export interface CapabilityFit {
  distribution: CapabilityDistribution;
  parameters: Record<string, number>;
  ad: number;
  pValue: number;
  pBound: '>' | '<' | null;
  /** Overall indices: for normal and Box-Cox (on the transformed scale) the usual ones; for
   * lognormal and Weibull the ISO 22514 percentile method, (USL − median)/(X₀.₉₉₈₆₅ − median). */
  ppl: number | null;
  ppu: number | null;
  ppk: number | null;
  expectedPpm: PpmFigures;
}

/** Parts per million below the LSL, above the USL, and both. */
export interface PpmFigures {
  below: number;
  above: number;
  total: number;
}

/** Capability of a measure against the user's specs (main/engine/spc/capability.ts), in the measure's unit. */
export interface CapabilityReport {
  n: number;
  mean: number;
  /** Short-term σ and how it was estimated. */
  sigmaWithin: number;
  withinMethod: 'pooled' | 'rbar' | 'moving-range';
  /** Long-term σ: the standard deviation of all values. */
  sigmaOverall: number;
  specs: { lsl?: number; usl?: number; target?: number };
  /** Normal-theory indices on the data as they are. */
  normal: CapabilityIndices;
  observedPpm: PpmFigures;
  expectedPpmWithin: PpmFigures;
  expectedPpmOverall: PpmFigures;
  /** Anderson–Darling: A², A*² = A²(1 + 0.75/n + 2.25/n²) that the p-value uses, and the fitted normal. */
  normality: { ad: number; adAdjusted: number; pValue: number; mean: number; standardDeviation: number };
  /** Every model tried, best first (normal always included). */
  fits: CapabilityFit[];
  chosen: CapabilityDistribution;
  /** The choice of model in plain words, with the p-values it rests on. */
  reason: string;
  /** The chosen model's indices: within and overall for normal and Box-Cox, overall for the others. */
  indices: CapabilityIndices;
  expectedPpm: PpmFigures;
  histogram: {
    bins: { start: number; end: number; count: number }[];
    curve: { x: number; y: number }[];
    lsl: number | null;
    usl: number | null;
  };
}

export interface ControlChartView {
  basis: LogBasis;
  measure: MeasureInfo;
  period: MeasurePeriod;
  timeZone: string;
  chart: ChartType;
  byUnit: boolean;
  /** The scale the charts are on (points, limits, estimates); null: the measure's own unit. */
  transform: AppliedTransform | null;
  charts: ControlChartSeries[];
  points: ChartPoint[];
  /** The chooser's advice for these data (null where the chooser has too little to go on). */
  advice: ChartAdvice | null;
  capability: CapabilityReport | null;
  /** Every test for special causes with the K in force (the request's testK, the preset's, or Minitab's), for the switches. */
  tests: { rule: number; k: number; description: string }[];
  notes: string[];
}

/** The cases behind one point of a chart, as a filter chip ready to apply. */
export interface ChartPointCases {
  filter: LogFilter;
  cases: number;
  from: string;
  to: string;
}

export interface ControlChartCalls {
  controlChart(workspace: string, request: ControlChartRequest): Promise<ControlChartView>;
  /** The cases behind point `index` of the chart `request` draws, as a filter. */
  chartPointCases(workspace: string, request: ControlChartRequest, index: number): Promise<ChartPointCases>;
}

export const CONTROL_CHART_CALLS = {
  controlChart: 'call',
  chartPointCases: 'call',
} as const satisfies CallKinds<ControlChartCalls>;
