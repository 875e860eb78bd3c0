/**
 * Measures: the workspace's measurement schema (every KPI defined once) and the KPI tiles made
 * from it. Control charts of a measure are in control-charts.ts.
 */
import type { LogBasis } from './analysis.ts';
import type { LogFilter, WorkingCalendar } from './filters.ts';
import type { CallKinds } from './calls.ts';

// ---------------------------------------------------------------------------------------------
// The measurement schema: what a workspace's measures.json holds (resources/measures/
// measures.schema.json checks it; main/engine/measures/measure-types.ts computes with it).

export const CHART_TYPES = [
  'imr',
  'xbar-r',
  'xbar-s',
  'p',
  'np',
  'c',
  'u',
  'laney-p',
  'laney-u',
  'ewma',
  'cusum',
] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export const MEASURE_PERIODS = ['day', 'week', 'month'] as const;
export type MeasurePeriod = (typeof MEASURE_PERIODS)[number];

export type MeasureDurationUnit = 'seconds' | 'minutes' | 'hours' | 'days';
export type MeasureUnit = MeasureDurationUnit | 'share' | 'cases' | 'events per case';
export type MeasureAttributeMatch = string | number | boolean;

/** A yes/no question about a case; the building block of rates. */
export type MeasureCaseCondition =
  | { has: 'defect' | 'rework' | 'exception' | 'escalation' | 'sla_met' }
  | { contains: string[] }
  | { repeats: 'any' | string[] }
  | { attribute: string; values: MeasureAttributeMatch[] }
  | { within: { value: number; unit: MeasureDurationUnit } }
  | { not: MeasureCaseCondition }
  | { all: MeasureCaseCondition[] }
  | { any: MeasureCaseCondition[] };

/** The building blocks every measure, built in or the user's, is made of. */
export type MeasureDefinition =
  | { block: 'case_duration'; from?: string | null; to?: string | null }
  | { block: 'waiting_time'; activity?: string | null }
  | { block: 'handoff_latency'; attribute?: string | null }
  | { block: 'cases_completed' }
  | { block: 'case_share'; condition: MeasureCaseCondition }
  | { block: 'event_count'; events: { has: 'exception' | 'escalation' } | { activities: string[] } };

export interface MeasureSpec {
  name: string;
  title: string;
  unit: MeasureUnit;
  definition: MeasureDefinition;
  chart: { byPeriod: ChartType; byUnit?: ChartType; alternatives?: ChartType[] };
  /** The measure in plain words: every chart and tile shows it. */
  sentence: string;
}

/** Choices made from the log; null lets Gemba suggest them from the log. */
export interface MeasureParameters {
  endActivities?: string[] | null;
  defect?: { activities: string[] } | { attribute: string; values: MeasureAttributeMatch[] } | null;
  reworkActivities?: string[] | null;
  exceptionActivities?: string[] | null;
  escalationActivities?: string[] | null;
  slaTarget?: { value: number; unit: MeasureDurationUnit } | null;
  slaCalendar?: (Omit<WorkingCalendar, 'holidays'> & { holidays?: string[] }) | null;
}

export interface MeasuresSchema {
  $schema?: string;
  schemaVersion: 1;
  parameters: MeasureParameters;
  measures: MeasureSpec[];
}

/** What one value of a measure is about. */
export type MeasurePer = 'completed case' | 'event' | 'resource change' | 'period';

/** A measure as the UI lists it: its definition and the charts that fit its data. */
export interface MeasureInfo extends MeasureSpec {
  per: MeasurePer;
  /** Every chart that fits the measure's data, the default first. */
  charts: ChartType[];
  /** True when `activity` of a request means something for it (waiting time before A, defects as A, …). */
  takesActivity: boolean;
}

/** What the parameters of the schema are picked from on this log, with Gemba's suggestions. */
export interface MeasureParameterChoices {
  activities: string[];
  attributes: { name: string; level: 'case' | 'event' }[];
  /** The end activities Gemba infers when none are chosen. */
  inferredEndActivities: string[];
  suggested: {
    defect: MeasureParameters['defect'];
    exceptionActivities: string[];
    escalationActivities: string[];
    slaTarget: { value: number; unit: MeasureDurationUnit } | null;
  };
}

export interface MeasuresInfo {
  /** The workspace's copy (measures.json), where the user may also edit it by hand. */
  path: string;
  schema: MeasuresSchema;
  measures: MeasureInfo[];
}

// ---------------------------------------------------------------------------------------------
// KPI tiles.

export interface KpiRequest {
  filters?: LogFilter[];
  period?: MeasurePeriod;
  /** Split every tile by this case attribute (segment). */
  by?: string;
  /** IANA zone the periods are cut in; UTC when absent. */
  timeZone?: string;
}

export interface KpiPeriodValue {
  /** ISO date of the period's first day. */
  period: string;
  /** null where the period has no value (no completed case, no event of the activity). */
  value: number | null;
  /** Units in the period (cases, events, resource changes). */
  n: number;
}

export interface KpiTrend {
  last: number | null;
  previous: number | null;
  /** last − previous, in the measure's unit. */
  change: number | null;
  /** Least-squares slope per period over the periods with a value. */
  slopePerPeriod: number | null;
}

export interface KpiFigures {
  value: number | null;
  /** Median of the unit values (durations only). */
  median: number | null;
  /** Units counted: completed cases, events, resource changes (throughput: completed cases). */
  n: number;
  series: KpiPeriodValue[];
  trend: KpiTrend;
}

export interface KpiTile extends KpiFigures {
  name: string;
  title: string;
  unit: MeasureUnit;
  per: MeasurePer;
  sentence: string;
  segments: (KpiFigures & { segment: string })[] | null;
  /** The first or last period the log covers only partly (a log ending mid-week): its value and the trend against it mislead. */
  partialPeriods: PartialPeriod[];
  notes: string[];
  /** Why this measure has no value on this log (e.g. no activity looks like a defect), and what to do. */
  problem: string | null;
}

/** A period at the edge of the log that the log covers only partly (less than 90% of its time). */
export interface PartialPeriod {
  /** Index into the series. */
  index: number;
  /** The period's first day, ISO. */
  period: string;
  /** Share of the period the log covers. */
  covered: number;
}

export interface KpiBoard {
  basis: LogBasis;
  period: MeasurePeriod;
  timeZone: string;
  by: string | null;
  tiles: KpiTile[];
}

export interface MeasuresCalls {
  /** The workspace's measurement schema (copied from the shipped default on first use). */
  measures(workspace: string): Promise<MeasuresInfo>;
  /** Checks and saves an edited schema; a bad one is refused with the field and line named. */
  saveMeasures(workspace: string, schema: MeasuresSchema): Promise<MeasuresInfo>;
  /** The log's activities and attributes, and Gemba's suggestions, to pick the schema's parameters from. */
  measureParameterChoices(workspace: string): Promise<MeasureParameterChoices>;
  /** Puts the shipped default back (the replaced file is kept as measures.json.bak). */
  restoreDefaultMeasures(workspace: string): Promise<MeasuresInfo>;
  /** Every measure as a tile: value, trend, sparkline series, sentence, split by a segment. */
  kpis(workspace: string, request: KpiRequest): Promise<KpiBoard>;
}

export const MEASURES_CALLS = {
  measures: 'call',
  saveMeasures: 'call',
  restoreDefaultMeasures: 'call',
  measureParameterChoices: 'call',
  kpis: 'call',
} as const satisfies CallKinds<MeasuresCalls>;
