import { CHART_TYPES, type ChartType, type WorkingCalendar } from '../../../preload/api.ts';

/**
 * The measurement schema as TypeScript: the shape `resources/measures/measures.schema.json`
 * checks. A workspace's `measures.json` holds one `MeasuresFile`.
 */

export const MEASURES_SCHEMA_VERSION = 1;

/** The schema's chart ids are the contract's chart types: one list, so the two cannot drift apart. */
export const CHART_IDS = CHART_TYPES;
export type ChartId = ChartType;

export const DURATION_UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export type MeasureUnit = DurationUnit | 'share' | 'cases' | 'events per case';

export interface Duration {
  value: number;
  unit: DurationUnit;
}

export type AttributeMatch = string | number | boolean;

/** A yes/no question about a case; the building block of rates. */
export type CaseCondition =
  | { has: 'defect' | 'rework' | 'exception' | 'escalation' | 'sla_met' }
  | { contains: string[] }
  | { repeats: 'any' | string[] }
  | { attribute: string; values: AttributeMatch[] }
  | { within: Duration }
  | { not: CaseCondition }
  | { all: CaseCondition[] }
  | { any: CaseCondition[] };

/** The building blocks every measure, built in or the user's, is made of. */
export type MeasureDefinition =
  | { block: 'case_duration'; from?: string | null; to?: string | null }
  | { block: 'waiting_time'; activity?: string | null }
  | { block: 'handoff_latency'; attribute?: string | null }
  | { block: 'cases_completed' }
  | { block: 'case_share'; condition: CaseCondition }
  | { block: 'event_count'; events: { has: 'exception' | 'escalation' } | { activities: string[] } };

export type MeasureBlock = MeasureDefinition['block'];

/** What one value of a measure is about: a completed case, an event, a change of hands, a period. */
export type MeasureUnitOf = 'completed case' | 'event' | 'resource change' | 'period';

export const UNIT_OF_BLOCK: Readonly<Record<MeasureBlock, MeasureUnitOf>> = {
  case_duration: 'completed case',
  waiting_time: 'event',
  handoff_latency: 'resource change',
  cases_completed: 'period',
  case_share: 'completed case',
  event_count: 'completed case',
};

export interface MeasureChart {
  byPeriod: ChartId;
  /** The chart of the individual values (e.g. I-MR by case). */
  byUnit?: ChartId;
  alternatives?: ChartId[];
}

export interface Measure {
  name: string;
  title: string;
  unit: MeasureUnit;
  definition: MeasureDefinition;
  chart: MeasureChart;
  /** Shown on every chart and tile: the measure in plain words. */
  sentence: string;
}

export type DefectParameter = { activities: string[] } | { attribute: string; values: AttributeMatch[] };

/** Choices made from the log; null means "let Gemba suggest it from the log", [] means "none". */
export interface MeasureParameters {
  endActivities?: string[] | null;
  defect?: DefectParameter | null;
  /** null: repeating any activity is rework. */
  reworkActivities?: string[] | null;
  exceptionActivities?: string[] | null;
  escalationActivities?: string[] | null;
  slaTarget?: Duration | null;
  slaCalendar?: SlaCalendar | null;
}

/** A working calendar as the file holds it: holidays may be left out. */
export type SlaCalendar = Omit<WorkingCalendar, 'holidays'> & { holidays?: string[] };

export interface MeasuresFile {
  $schema?: string;
  schemaVersion: typeof MEASURES_SCHEMA_VERSION;
  parameters: MeasureParameters;
  measures: Measure[];
}

/** Which kind of data a chart takes: measured values, or counts out of a size. */
export type ChartFamily = 'variables' | 'attributes';

export const CHART_FAMILY: Readonly<Record<ChartId, ChartFamily>> = {
  imr: 'variables',
  'xbar-r': 'variables',
  'xbar-s': 'variables',
  ewma: 'variables',
  cusum: 'variables',
  p: 'attributes',
  np: 'attributes',
  'laney-p': 'attributes',
  c: 'attributes',
  u: 'attributes',
  'laney-u': 'attributes',
};

/** The charts that fit each block's data, first the textbook choice. */
export const CHARTS_OF_BLOCK: Readonly<Record<MeasureBlock, readonly ChartId[]>> = {
  case_duration: ['xbar-s', 'xbar-r', 'imr', 'ewma', 'cusum'],
  waiting_time: ['xbar-s', 'xbar-r', 'imr', 'ewma', 'cusum'],
  handoff_latency: ['xbar-s', 'xbar-r', 'imr', 'ewma', 'cusum'],
  cases_completed: ['imr', 'c', 'ewma', 'cusum'],
  case_share: ['p', 'laney-p', 'np'],
  event_count: ['u', 'laney-u', 'c'],
};

export const MS_PER_UNIT: Readonly<Record<DurationUnit, number>> = {
  seconds: 1000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
};
