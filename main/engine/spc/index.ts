/**
 * Statistical process control: control charts with Minitab's tests for special causes, phases
 * and baselines, capability and the chart chooser. Pure functions over numbers: the measures
 * engine turns an event log into subgroups, this folder charts them.
 */
export { controlCharts } from './control-charts.ts';
export { controlChartConstants, c4, type ControlChartConstants } from './constants.ts';
export { resolveRules, describeTest, DEFAULT_K, type TestSetting } from './special-causes.ts';
export { describeTransform, skewness, transformSubgroups } from './transform.ts';
export {
  CHART_TRANSFORMS,
  CHART_TYPES,
  type AppliedTransform,
  type ChartTransform,
  type ChartInput,
  type ChartName,
  type ChartOptions,
  type ChartType,
  type ControlChart,
  type ControlChartResult,
  type RuleSelection,
  type Signal,
} from './types.ts';
export {
  capability,
  type CapabilityOptions,
  type CapabilityResult,
  type CapabilitySpecs,
  type DistributionFit,
  type Indices as CapabilityIndices,
  type Ppm,
} from './capability.ts';
export { normalityTest, type NormalityTest } from './normality.ts';
export type { DistributionName } from './distribution-fits.ts';
export type { HistogramBin } from './histogram.ts';
export {
  chooseChart,
  lag1Autocorrelation,
  type ChartChoice,
  type ChooserCheck,
  type ChooserHint,
} from './chart-chooser.ts';
export { falseAlarmRate, type FalseAlarmRate } from './false-alarms.ts';
