import type { LogBasis, WorkingCalendar } from '../../../preload/api.ts';
import type { CaseMask } from '../analysis/index.ts';
import type { EventLog } from '../eventlog/index.ts';
import { InputError } from '../errors.ts';
import { periodChartInput, type PeriodChart } from './chart-input.ts';
import { caseCompletion } from './completion.ts';
import { partialPeriodNote, partialPeriods, type PartialPeriod } from './coverage.ts';
import { kpiSummary, type KpiSummary } from './kpi-summary.ts';
import {
  UNIT_OF_BLOCK,
  type CaseCondition,
  type ChartId,
  type Measure,
  type MeasureDefinition,
  type MeasureParameters,
  type MeasureUnitOf,
  type MeasuresFile,
} from './measure-types.ts';
import { checkActivities, resolveParameters, type ResolvedParameters } from './parameters.ts';
import { periodGrid, type Period } from './periods.ts';
import { segmentSummaries, type SegmentSummary } from './segments.ts';
import { unitValues, type UnitValues } from './unit-values.ts';

/** How to compute a measure on one log: the filters in force, the period, a segment split. */
export interface MeasureOptions {
  /** Case mask of the filters in force (1 = case kept); null or absent keeps every case. */
  mask?: CaseMask | null;
  period?: Period;
  /** IANA zone the periods are cut in; UTC when absent. */
  timeZone?: string | null;
  /** Replaces the schema's working calendar for SLA targets (e.g. from a --calendar file). */
  slaCalendar?: WorkingCalendar | null;
  /** Replaces the measure's one activity parameter (waiting_time's activity, the defect, exception or escalation activities). */
  activity?: string | null;
  /** Split by this case attribute. */
  segmentBy?: string | null;
  /** The chart by period; default the measure's. */
  chart?: ChartId;
  /** What the log is (import, fingerprint, fixes in force), as the service knows it. */
  basis?: LogBasis;
}

export interface MeasureResult {
  basis?: LogBasis;
  measure: Measure & { per: MeasureUnitOf };
  parameters: Omit<ResolvedParameters, 'endActivities'>;
  completion: {
    endActivities: string[];
    source: 'inferred' | 'chosen';
    completedCases: number;
    runningCases: number;
    note: string | null;
  };
  period: Period;
  timeZone: string;
  summary: KpiSummary;
  chart: PeriodChart;
  /** The chart of the individual values (e.g. I-MR by case) where the measure names one; its input is `unitChartInput(units)`, built on request (a million points cost more than the measure). */
  unitChart: ChartId | null;
  /** Every value with its case: the way from a chart point back to its cases. */
  units: UnitValues;
  /** Per unit: its index into `summary.series` (the period grid). */
  periodOfUnit: Int32Array;
  segments: { attribute: string; values: SegmentSummary[] } | null;
  /** The first and last periods the log covers only partly (a log ending mid-week): their values and the trend mislead. */
  partialPeriods: PartialPeriod[];
  notes: string[];
}

export function findMeasure(file: MeasuresFile, name: string): Measure {
  const measure = file.measures.find((m) => m.name === name);
  if (!measure)
    throw new InputError(`There is no measure "${name}".`, {
      hint: `Measures: ${file.measures.map((m) => m.name).join(', ')}.`,
    });
  return measure;
}

/** Computes one measure of the schema on a log: values per unit, per period, summary, segments. */
export function computeMeasure(
  log: EventLog,
  file: MeasuresFile,
  name: string,
  options: MeasureOptions = {},
): MeasureResult {
  const base = findMeasure(file, name);
  const mask = options.mask ?? null;
  if (mask && mask.length !== log.caseCount)
    throw new InputError(`The case mask has ${mask.length} entries; the log has ${log.caseCount} cases.`);
  const withCalendar = options.slaCalendar ? { ...file.parameters, slaCalendar: options.slaCalendar } : file.parameters;
  const { measure, parameters: chosen } = withActivity(base, withCalendar, options.activity ?? null, log);
  const completion = caseCompletion(log, chosen.endActivities);
  const parameters = resolveParameters(log, chosen, completion, usesSlaTarget(measure.definition));
  const notes = new Set<string>();
  // Which cases count as completed matters only to measures of completed cases (and throughput).
  const perCase =
    UNIT_OF_BLOCK[measure.definition.block] === 'completed case' ||
    UNIT_OF_BLOCK[measure.definition.block] === 'period';
  if (completion.note && perCase) notes.add(completion.note);
  const units = unitValues(measure, { log, parameters, notes }, { mask, completed: completion.completed });
  const period = options.period ?? 'week';
  const grid = periodGrid(units.at, period, options.timeZone);
  const block = measure.definition.block;
  const chart = periodChartInput(block, units, grid, options.chart ?? measure.chart.byPeriod, measure.name);
  const byUnit = measure.chart.byUnit;
  const { endActivities, ...rest } = parameters;
  const partial = partialPeriods(log, grid, period, options.timeZone ?? null);
  for (const p of partial) notes.add(partialPeriodNote(p, period, grid.starts.length));
  return {
    ...(options.basis ? { basis: options.basis } : {}),
    measure: { ...measure, per: UNIT_OF_BLOCK[block] },
    parameters: rest,
    completion: {
      endActivities,
      source: completion.source,
      completedCases: completion.completedCount,
      runningCases: log.caseCount - completion.completedCount,
      note: completion.note,
    },
    period,
    timeZone: options.timeZone || 'UTC',
    summary: kpiSummary(block, units.value, grid.periodOf, grid),
    chart,
    unitChart: byUnit ?? null,
    units,
    periodOfUnit: grid.periodOf,
    segments: options.segmentBy
      ? { attribute: options.segmentBy, values: segmentSummaries(log, options.segmentBy, block, units, grid) }
      : null,
    partialPeriods: partial,
    notes: [...notes],
  };
}

/** Distinct cases behind one chart point (a period), in case order: what a click on the point opens. */
export function casesOfPeriod(result: MeasureResult, periodIndex: number): Int32Array {
  const seen = new Set<number>();
  for (let k = 0; k < result.units.caseIndex.length; k++)
    if (result.periodOfUnit[k] === periodIndex) seen.add(result.units.caseIndex[k]);
  return Int32Array.from([...seen].sort((a, b) => a - b));
}

type ActivityParameter = 'defect' | 'reworkActivities' | 'exceptionActivities' | 'escalationActivities';

/** `--activity A`: put A in the measure's one activity parameter, or say why it has none. */
function withActivity(
  measure: Measure,
  parameters: MeasureParameters,
  activity: string | null,
  log: EventLog,
): { measure: Measure; parameters: MeasureParameters } {
  if (activity === null) return { measure, parameters };
  checkActivities(log, [activity], '--activity');
  const d = measure.definition;
  if (d.block === 'waiting_time') return { measure: { ...measure, definition: { ...d, activity } }, parameters };
  if (d.block === 'event_count' && 'activities' in d.events)
    return { measure: { ...measure, definition: { ...d, events: { activities: [activity] } } }, parameters };
  const used = parametersUsed(d);
  if (used.size !== 1) {
    throw new InputError(
      `${measure.name} has ${used.size === 0 ? 'no' : 'more than one'} activity parameter, so --activity does not say what to change.`,
      {
        hint: 'Use --activity with waiting_time, defect_rate, rework_rate, exception_frequency or escalation_rate, or edit the parameters in measures.json.',
      },
    );
  }
  const key = [...used][0];
  const value = key === 'defect' ? { activities: [activity] } : [activity];
  return { measure, parameters: { ...parameters, [key]: value } };
}

function usesSlaTarget(d: MeasureDefinition): boolean {
  const visit = (c: CaseCondition): boolean =>
    ('has' in c && c.has === 'sla_met') ||
    ('not' in c && visit(c.not)) ||
    ('all' in c && c.all.some(visit)) ||
    ('any' in c && c.any.some(visit));
  return d.block === 'case_share' && visit(d.condition);
}

function parametersUsed(d: MeasureDefinition): Set<ActivityParameter> {
  const used = new Set<ActivityParameter>();
  const visit = (c: CaseCondition): void => {
    if ('has' in c && c.has !== 'sla_met')
      used.add(c.has === 'defect' ? 'defect' : (`${c.has}Activities` as ActivityParameter));
    if ('not' in c) visit(c.not);
    if ('all' in c) c.all.forEach(visit);
    if ('any' in c) c.any.forEach(visit);
  };
  if (d.block === 'case_share') visit(d.condition);
  if (d.block === 'event_count' && 'has' in d.events) used.add(`${d.events.has}Activities`);
  return used;
}
