import {
  CAPABILITY_METHODS,
  CASE_SORTS,
  CHART_TRANSFORMS,
  CHART_TYPES,
  EXPORT_TABLES,
  FINDING_KINDS,
  LOG_TEXT_FORMATS,
  FINDING_STATUSES,
  MAP_VIEWS,
  MEASURE_PERIODS,
  STATISTICS_BY,
  TRAINABLE_MODELS,
  type ApiMethod,
  type GembaApi,
} from '../../preload/api.ts';
import { validateCalendar } from '../engine/analysis/index.ts';
import { parseLogFilters } from '../engine/analysis/index.ts';
import { InputError } from '../engine/errors.ts';
import { validateFix } from '../engine/quality/index.ts';

/**
 * The arguments of a call that arrived over a wire (HTTP from the browser, IPC from the page),
 * checked once before the engine sees them. TypeScript guards the app's own calls, but JSON off
 * the wire can be anything: without this a wrong shape gives a silent wrong answer (filters that
 * are not a list are ignored) or a crash reported as our bug. Filters and calendars are also
 * normalised here, so every transport hands the engine the same values the CLI does.
 */
type Check = (value: unknown, name: string) => unknown;

const bad = (name: string, what: string): never => {
  throw new InputError(`${name} ${what}.`, { hint: 'The request does not match the Gemba API (preload/api.ts).' });
};

const text: Check = (v, name) => (typeof v === 'string' && v.trim() !== '' ? v : bad(name, 'must be a non-empty text'));
// Safe integers only: 1e300 is "whole" to Number.isInteger but no count, index or limit we take.
const whole =
  (min: number): Check =>
  (v, name) =>
    Number.isSafeInteger(v) && (v as number) >= min ? v : bad(name, `must be a whole number ≥ ${min}`);
/**
 * Lists off the wire (points to leave out, phases, activities, models) are bounded: far above what
 * a person picks in a view, below what turns one call into minutes of work or a stack overflow
 * (a 1 MB body holds 500,000 small numbers, and the engine spreads some lists into Math.min).
 */
export const MAX_LIST_ITEMS = 10_000;
const list =
  (item: Check, what: string): Check =>
  (v, name) => {
    if (!Array.isArray(v)) return bad(name, `must be a list of ${what}`);
    if (v.length > MAX_LIST_ITEMS)
      return bad(name, `has ${v.length} ${what}, more than the ${MAX_LIST_ITEMS.toLocaleString('en-US')} a call takes`);
    return v.map((x, i) => item(x, `${name}[${i}]`));
  };
const share: Check = (v, name) =>
  typeof v === 'number' && v >= 0 && v <= 1 ? v : bad(name, 'must be a number from 0 to 1');
const flag: Check = (v, name) => (typeof v === 'boolean' ? v : bad(name, 'must be true or false'));
const optional =
  (check: Check): Check =>
  (v, name) =>
    v === undefined || v === null ? undefined : check(v, name);
const oneOf =
  (values: readonly string[]): Check =>
  (v, name) =>
    values.includes(v as string) ? v : bad(name, `must be one of ${values.join(', ')}`);
const filters: Check = (v, name) =>
  Array.isArray(v) ? parseLogFilters(v, name) : bad(name, 'must be a list of filters');
const calendar: Check = (v, name) => validateCalendar(v, name);
const fileRef: Check = (v, name) => {
  const f = v as { kind?: unknown; path?: unknown; uploadId?: unknown; name?: unknown } | null;
  if (f?.kind === 'path') return { kind: 'path', path: text(f.path, `${name}.path`) };
  if (f?.kind === 'upload')
    return { kind: 'upload', uploadId: text(f.uploadId, `${name}.uploadId`), name: text(f.name, `${name}.name`) };
  return bad(name, 'must be a file reference ({kind: "path"} or {kind: "upload"})');
};

/** An object whose listed fields are checked (and replaced by their checked value); others pass. */
const record =
  (fields: Record<string, Check>): Check =>
  (v, name) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad(name, 'must be an object');
    const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
    for (const [key, check] of Object.entries(fields)) out[key] = check(out[key], `${name}.${key}`);
    return out;
  };

const number: Check = (v, name) => (typeof v === 'number' && Number.isFinite(v) ? v : bad(name, 'must be a number'));
const wholes: Check = list(whole(0), 'point numbers');
const object: Check = (v, name) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? v : bad(name, 'must be an object');
const RULE_PRESETS = ['minitab', 'western-electric', 'nelson'];
const rules: Check = (v, name) =>
  RULE_PRESETS.includes(v as string)
    ? v
    : Array.isArray(v)
      ? list(whole(1), 'test numbers')(v, name)
      : bad(name, `must be test numbers or one of ${RULE_PRESETS.join(', ')}`);
const testK: Check = (v, name) => {
  object(v, name);
  for (const [test, k] of Object.entries(v as Record<string, unknown>)) {
    if (!/^[1-8]$/.test(test)) bad(`${name}.${test}`, 'is not a test number 1–8');
    number(k, `${name}.${test}`);
  }
  return v;
};
/** An IANA zone the runtime knows: a wrong one is named here, not met as a RangeError deep in a measure. */
const timeZone: Check = (v, name) => {
  text(v, name);
  try {
    new Intl.DateTimeFormat('en', { timeZone: v as string });
  } catch {
    bad(name, `"${String(v)}" is not a time zone (use an IANA name such as Europe/Berlin)`);
  }
  return v;
};
const baseline: Check = (v, name) =>
  typeof v === 'number' ? whole(2)(v, name) : record({ from: text, to: text })(v, name);
/** The tests and EWMA/CUSUM settings (the contract's ChartSettings), checked alike on both chart calls. */
const chartSettings = {
  rules: optional(rules),
  testK: optional(testK),
  target: optional(number),
  sigma: optional(number),
  lambda: optional(number),
  L: optional(number),
  k: optional(number),
  h: optional(number),
};
const chartRequest = record({
  measure: text,
  activity: optional(text),
  period: optional(oneOf(MEASURE_PERIODS)),
  timeZone: optional(timeZone),
  chart: optional(oneOf(CHART_TYPES)),
  transform: optional(oneOf(CHART_TRANSFORMS)),
  byUnit: optional(flag),
  baseline: optional(baseline),
  exclude: optional(wholes),
  phases: optional(wholes),
  ...chartSettings,
  specs: optional(record({ lsl: optional(number), usl: optional(number), target: optional(number) })),
  capabilityMethod: optional(oneOf(CAPABILITY_METHODS)),
  filters: optional(filters),
});

const texts: Check = list(text, 'texts');
/** Numbers to chart: their shape here, each value's sense (finite, counts within sizes) in the SPC engine, which names the subgroup. */
const chartValues: Check = (v, name) => {
  const kind = (v as { kind?: unknown } | null)?.kind;
  const arrays =
    kind === 'variables' ? ['subgroups', 'labels'] : kind === 'attributes' ? ['counts', 'sizes', 'labels'] : null;
  if (!arrays) return bad(`${name}.kind`, 'must be "variables" or "attributes"');
  for (const key of arrays)
    if (!Array.isArray((v as Record<string, unknown>)[key])) bad(`${name}.${key}`, 'must be a list');
  return v;
};
const chartValuesRequest = record({
  values: chartValues,
  chart: oneOf(CHART_TYPES),
  transform: optional(oneOf(CHART_TRANSFORMS)),
  baseline: optional(whole(1)),
  exclude: optional(wholes),
  phases: optional(wholes),
  ...chartSettings,
});
const positive: Check = (v, name) =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : bad(name, 'must be a number above 0');
const modelList: Check = list(oneOf(TRAINABLE_MODELS), 'models');

/** The sliders and view of a map: the process map, the handover map and each compared segment. */
const mapRequest = record({
  activities: share,
  paths: share,
  view: oneOf(MAP_VIEWS),
  filters: optional(filters),
  calendar: optional(calendar),
});
const segment = record({ label: text, filters });

/** One check per parameter of the call, optional ones included, in order. */
type ParameterChecks<P extends readonly unknown[]> = { readonly [K in keyof P]-?: Check };

/**
 * Every call's checks. Complete by type: a call of GembaApi without its entry, or an entry with
 * fewer or more checks than the call has parameters, is a compile error.
 */
const CHECKS: { readonly [M in ApiMethod]: ParameterChecks<Parameters<GembaApi[M]>> } = {
  environment: [],
  recentWorkspaces: [],
  createWorkspace: [text],
  workspaceExists: [text],
  openWorkspace: [text],
  importHistory: [text],
  restoreImport: [text, whole(1)],
  closeWorkspace: [text],
  previewCsv: [fileRef],
  startImport: [
    record({
      workspace: text,
      file: fileRef,
      mapping: optional(record({})),
      acceptRejects: optional(flag),
      pairLifecycle: optional(flag),
    }),
  ],
  cancelJob: [text],
  jobs: [],
  rejectedRows: [text, whole(1), optional(whole(0))],
  statistics: [text, optional(filters), optional(timeZone)],
  directlyFollows: [text, optional(record({ filters: optional(filters), calendar: optional(calendar) }))],
  variants: [text],
  cases: [
    text,
    record({
      offset: whole(0),
      limit: whole(0),
      sort: optional(oneOf(CASE_SORTS)),
      descending: optional(flag),
      search: optional((v, name) => (typeof v === 'string' ? v : bad(name, 'must be text'))),
      filters: optional(filters),
    }),
  ],
  caseDetail: [text, whole(0)],
  qualityReport: [text],
  applyFix: [text, (v) => validateFix(v)],
  undoFix: [text, whole(1)],
  processMap: [text, mapRequest],
  handoverMap: [text, mapRequest],
  replayPaths: [text, record({ activities: texts, filters: optional(filters) })],
  compareSegments: [text, record({ a: segment, b: segment, filters: optional(filters), map: mapRequest })],
  variantList: [text, optional(filters)],
  mapSelection: [
    text,
    record({
      element: (v, name) => {
        const e = v as { kind?: unknown } | null;
        if (e?.kind === 'activity') return record({ activity: text })(v, name);
        if (e?.kind === 'path') return record({ from: text, to: text })(v, name);
        return bad(name, 'must be an activity or a path');
      },
      activities: share,
      filters: optional(filters),
      calendar: optional(calendar),
      caseLimit: optional(whole(0)),
    }),
  ],
  filterOptions: [text],
  statisticsTable: [text, record({ by: oneOf(STATISTICS_BY), attribute: optional(text), filters: optional(filters) })],
  exportTable: [
    text,
    record({
      table: oneOf(EXPORT_TABLES),
      by: optional(oneOf(STATISTICS_BY)),
      attribute: optional(text),
      filters: optional(filters),
      timeZone: optional(text),
    }),
  ],
  exportLogText: [text, record({ format: oneOf(LOG_TEXT_FORMATS), filters: optional(filters) })],
  measures: [text],
  // The schema itself is checked against resources/measures/measures.schema.json by the engine.
  saveMeasures: [text, object],
  restoreDefaultMeasures: [text],
  measureParameterChoices: [text],
  kpis: [
    text,
    record({
      filters: optional(filters),
      period: optional(oneOf(MEASURE_PERIODS)),
      by: optional(text),
      timeZone: optional(timeZone),
    }),
  ],
  controlChart: [text, chartRequest],
  chartPointCases: [text, chartRequest, whole(0)],
  saveExport: [
    record({
      name: text,
      mimeType: text,
      data: (v, name) => (typeof v === 'string' ? v : bad(name, 'must be text')),
      encoding: oneOf(['utf8', 'base64'] as const),
    }),
  ],
  controlChartOfValues: [chartValuesRequest],
  measure: [
    text,
    record({
      measure: text,
      activity: optional(text),
      period: optional(oneOf(MEASURE_PERIODS)),
      timeZone: optional(timeZone),
      by: optional(text),
      chart: optional(oneOf(CHART_TYPES)),
      calendar: optional(calendar),
      filters: optional(filters),
      units: optional(flag),
    }),
  ],
  startTraining: [
    text,
    record({
      models: optional(modelList),
      slaHours: optional(positive),
      outcome: optional(text),
      endActivities: optional(texts),
      filters: optional(filters),
      timeZone: optional(timeZone),
      segmentBy: optional(text),
    }),
  ],
  models: [text],
  findings: [
    text,
    record({
      kind: optional(oneOf(FINDING_KINDS)),
      status: optional(oneOf(FINDING_STATUSES)),
      top: optional(whole(0)),
      filters: optional(filters),
    }),
  ],
  finding: [text, text],
  updateFinding: [
    text,
    text,
    record({
      status: optional(oneOf(FINDING_STATUSES)),
      comment: optional((v, name) =>
        typeof v === 'string' && v.length <= 10_000 ? v : bad(name, 'must be a text of at most 10,000 characters'),
      ),
    }),
  ],
  runningCases: [text, record({ filters: optional(filters), top: optional(whole(0)), endActivities: optional(texts) })],
  unusualEvents: [text, record({ case: optional(text), top: optional(whole(1)) })],
  auditTrail: [text, record({ limit: optional(whole(1)) })],
};

/** Checks and normalises the arguments of one call; throws InputError naming the bad argument. */
export function checkCallArguments(method: ApiMethod, args: readonly unknown[]): unknown[] {
  const checks: readonly Check[] = CHECKS[method];
  if (args.length > checks.length) bad(method, `takes at most ${checks.length} arguments, not ${args.length}`);
  return checks.map((check, i) => check(args[i], `${method} argument ${i + 1}`));
}
