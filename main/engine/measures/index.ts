/** Measures: the measurement schema, its workspace copy, and the KPI engine over an event log. */
export * from './measure-types.ts';
export { validateMeasures, type MeasuresSource } from './validate-measures.ts';
export {
  defaultMeasures,
  workspaceMeasures,
  readMeasuresFile,
  saveMeasures,
  restoreDefaultMeasures,
  measuresPath,
  MEASURES_FILE_NAME,
} from './workspace-measures.ts';
export { caseCompletion, inferEndActivities, type Completion, type EndActivityRule } from './completion.ts';
export {
  resolveParameters,
  parameterChoices,
  suggestedSlaTarget,
  suggestedActivities,
  type ResolvedParameters,
  type ParameterSource,
  type ParameterChoices,
} from './parameters.ts';
export {
  PERIODS,
  checkPeriod,
  nextPeriodStart,
  periodGrid,
  periodStartDay,
  type Period,
  type PeriodGrid,
} from './periods.ts';
export { evaluateCondition, type ConditionContext } from './conditions.ts';
export { unitValues, type UnitValues } from './unit-values.ts';
export { periodChartInput, unitChartInput, checkChart, type ChartInput, type PeriodChart } from './chart-input.ts';
export { kpiSummary, trend, type KpiSummary, type KpiTrend, type PeriodValue } from './kpi-summary.ts';
export { segmentSummaries, caseSegments, type SegmentSummary } from './segments.ts';
export { logSpan, partialPeriods, type PartialPeriod } from './coverage.ts';
export {
  computeMeasure,
  casesOfPeriod,
  findMeasure,
  type MeasureOptions,
  type MeasureResult,
} from './compute-measure.ts';
export { measureReport, type MeasureReport } from './measure-report.ts';
