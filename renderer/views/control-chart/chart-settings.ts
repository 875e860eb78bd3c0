import type { ChartTransform, ChartType, ControlChartRequest, RuleSelection } from '../../../preload/api.ts';

/**
 * What the user set on the Control chart view beyond measure, period and chart type (those live
 * in the URL): the tests and their K, the scale, the baseline, points left out, phases,
 * EWMA/CUSUM parameters, specs.
 */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export type Baseline = { mode: 'all' } | { mode: 'first'; n: string } | { mode: 'dates'; from: string; to: string };

export interface ChartSettings {
  rules: RuleSelection;
  /** Per test, its K as typed (blank: the preset's or Minitab's). */
  testK: Partial<Record<number, string>>;
  /** The scale measured values are charted on. */
  transform: ChartTransform;
  baseline: Baseline;
  exclude: number[];
  phases: number[];
  /** Number fields as typed; blank means the engine's default. */
  lambda: string;
  L: string;
  k: string;
  h: string;
  target: string;
  sigma: string;
  lsl: string;
  usl: string;
  specTarget: string;
  capabilityMethod: NonNullable<ControlChartRequest['capabilityMethod']>;
}

export const DEFAULT_SETTINGS: ChartSettings = {
  rules: 'minitab',
  testK: {},
  transform: 'none',
  baseline: { mode: 'all' },
  exclude: [],
  phases: [],
  lambda: '',
  L: '',
  k: '',
  h: '',
  target: '',
  sigma: '',
  lsl: '',
  usl: '',
  specTarget: '',
  capabilityMethod: 'auto',
};

export const RULE_PRESETS: { value: Exclude<RuleSelection, number[]>; label: string; tests: number[] }[] = [
  { value: 'minitab', label: 'Minitab default', tests: [1] },
  { value: 'western-electric', label: 'Western Electric', tests: [1, 2, 5, 6] },
  { value: 'nelson', label: 'All eight (Nelson)', tests: [1, 2, 3, 4, 5, 6, 7, 8] },
];

export function testsOf(rules: RuleSelection): number[] {
  return Array.isArray(rules) ? rules : RULE_PRESETS.find((p) => p.value === rules)!.tests;
}

/** Switching one test on or off: a preset becomes the explicit list (Western Electric's K for test 2 then reverts to 9). */
export function toggleTest(rules: RuleSelection, test: number): RuleSelection {
  const now = testsOf(rules);
  const next = now.includes(test) ? now.filter((t) => t !== test) : [...now, test].sort((a, b) => a - b);
  const preset = RULE_PRESETS.find((p) => p.value !== 'western-electric' && p.tests.join() === next.join());
  return preset ? preset.value : next;
}

/** A typed number, or undefined when blank or not a number (the field shows it as invalid). */
export function numberOrUndefined(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

export function isBadNumber(text: string): boolean {
  return text.trim() !== '' && !Number.isFinite(Number(text));
}

export interface ChartChoice {
  measure: string;
  activity?: string;
  period: NonNullable<ControlChartRequest['period']>;
  chart?: ChartType;
  byUnit: boolean;
  timeZone: string;
}

/** The request the view sends: only what is set, so defaults stay the engine's. */
export function chartRequest(
  choice: ChartChoice,
  settings: ChartSettings,
  filters: ControlChartRequest['filters'],
): ControlChartRequest {
  const request: ControlChartRequest = {
    measure: choice.measure,
    period: choice.period,
    timeZone: choice.timeZone,
    rules: settings.rules,
  };
  if (choice.activity) request.activity = choice.activity;
  if (choice.chart) request.chart = choice.chart;
  if (choice.byUnit) request.byUnit = true;
  if (filters?.length) request.filters = filters;
  if (settings.transform !== 'none') request.transform = settings.transform;
  const testK: Partial<Record<number, number>> = {};
  for (const [test, text] of Object.entries(settings.testK)) {
    const k = numberOrUndefined(text ?? '');
    if (k !== undefined) testK[Number(test)] = k;
  }
  if (Object.keys(testK).length) request.testK = testK;
  const b = settings.baseline;
  if (b.mode === 'first' && Number.isInteger(Number(b.n)) && Number(b.n) >= 2) request.baseline = Number(b.n);
  // Dates are typed as ISO (YYYY-MM-DD, as every date in the app reads); half-typed ones are not sent.
  if (b.mode === 'dates' && ISO_DAY.test(b.from) && ISO_DAY.test(b.to)) request.baseline = { from: b.from, to: b.to };
  if (settings.exclude.length) request.exclude = [...settings.exclude].sort((x, y) => x - y);
  if (settings.phases.length) request.phases = [...settings.phases].sort((x, y) => x - y);
  for (const key of ['lambda', 'L', 'k', 'h', 'target', 'sigma'] as const) {
    const value = numberOrUndefined(settings[key]);
    if (value !== undefined) request[key] = value;
  }
  const lsl = numberOrUndefined(settings.lsl);
  const usl = numberOrUndefined(settings.usl);
  const target = numberOrUndefined(settings.specTarget);
  if (lsl !== undefined || usl !== undefined) {
    request.specs = {
      ...(lsl !== undefined ? { lsl } : {}),
      ...(usl !== undefined ? { usl } : {}),
      ...(target !== undefined ? { target } : {}),
    };
    request.capabilityMethod = settings.capabilityMethod;
  }
  return request;
}
