/**
 * One measure in full, for the CLI's `gemba kpi --measure` and any client that wants the numbers
 * behind a tile: the resolved parameters, the summary per period, the chart input the SPC engine
 * takes, the split by a segment and, on request, every value with its case.
 */
import type { LogBasis } from './analysis.ts';
import type { CallKinds } from './calls.ts';
import type { LogFilter, WorkingCalendar } from './filters.ts';
import type {
  ChartType,
  KpiPeriodValue,
  PartialPeriod,
  KpiTrend,
  MeasureDurationUnit,
  MeasureParameters,
  MeasurePer,
  MeasurePeriod,
  MeasureSpec,
} from './measures.ts';

export interface MeasureRequest {
  measure: string;
  /** The activity the measure is about (the wait before it, the defect or exception activity). */
  activity?: string;
  period?: MeasurePeriod;
  /** IANA zone the periods are cut in; UTC when absent. */
  timeZone?: string;
  /** Split by this case attribute. */
  by?: string;
  /** The chart per period (default: the measure's). */
  chart?: ChartType;
  /** Working hours SLA adherence counts in (default: the schema's, else wall-clock time). */
  calendar?: WorkingCalendar;
  filters?: LogFilter[];
  /** Every value with its case and the chart input of one point per value (large on big logs). */
  units?: boolean;
}

/** What a control chart takes: measured values in subgroups, or counts out of sizes; one label per point. */
export type ChartValues =
  | { kind: 'variables'; subgroups: number[][]; labels: string[] }
  | { kind: 'attributes'; counts: number[]; sizes: number[]; labels: string[] };

export interface MeasureSummary {
  value: number | null;
  /** Median of the values, for durations. */
  median: number | null;
  n: number;
  series: KpiPeriodValue[];
  trend: KpiTrend;
}

export type ParameterSource = 'chosen' | 'suggested' | 'inferred';

export interface MeasureDetail {
  basis?: LogBasis;
  measure: MeasureSpec & { per: MeasurePer };
  /** The schema's parameters as resolved on this log (chosen, or suggested/inferred from it). */
  parameters: {
    defect: NonNullable<MeasureParameters['defect']> | null;
    reworkActivities: string[] | null;
    exceptionActivities: string[];
    escalationActivities: string[];
    slaTarget: { value: number; unit: MeasureDurationUnit } | null;
    slaCalendar: WorkingCalendar | null;
    sources: Record<
      'endActivities' | 'defect' | 'reworkActivities' | 'exceptionActivities' | 'escalationActivities' | 'slaTarget',
      ParameterSource
    >;
  };
  completion: {
    endActivities: string[];
    source: 'inferred' | 'chosen';
    completedCases: number;
    runningCases: number;
    note: string | null;
  };
  period: MeasurePeriod;
  timeZone: string;
  summary: MeasureSummary;
  /** One point per period: the chart, its input and each point's index into `summary.series`. */
  chart: { chart: ChartType; input: ChartValues; periods: number[] };
  /** The chart of the individual values where the measure names one. */
  unitChart: ChartType | null;
  segments: { attribute: string; values: (MeasureSummary & { segment: string })[] } | null;
  /** The first or last period the log covers only partly: its value and the trend against it mislead. */
  partialPeriods: PartialPeriod[];
  notes: string[];
  /** With `units`: every value with its case, instant and period. */
  units?: { case: string; value: number; at: string; period: string }[];
  unitChartInput?: ChartValues | null;
}

export interface MeasureDetailCalls {
  /** One measure in full on the filtered log (the numbers behind a KPI tile). */
  measure(workspace: string, request: MeasureRequest): Promise<MeasureDetail>;
}

export const MEASURE_DETAIL_CALLS = { measure: 'call' } as const satisfies CallKinds<MeasureDetailCalls>;
