/**
 * models/predict: predictive monitoring of running cases and bottlenecks.
 * - `trainRunningCaseModel(log, target, options)`: remaining time, SLA breach or outcome, trained
 *   on prefixes with a temporal split and evaluated against the benchmarks' baselines (pure; progress, cancel);
 * - `predictForRunningCases(log, models, options)`: one entry per running case, explained by TreeSHAP;
 * - `trainBottleneckModel(log, options)` and `bottlenecksNow(log, model)`: how each activity's wait
 *   responds to workload, and where waits will build now (findings of kind `bottleneck`);
 * - registry entries for all of them (`runningCaseEntry`, `bottleneckEntry` and back).
 */
export {
  trainRunningCaseModel,
  type TrainRunningCaseOptions,
  type TrainedRunningCaseModel,
  type TrainingStep,
} from './train-running-case.ts';
export {
  predictForRunningCases,
  type RunningCaseModels,
  type RunningCasePrediction,
  type RunningCasePredictions,
  type PredictOptions,
  type Contribution,
} from './predict-running.ts';
export {
  trainBottleneckModel,
  type BottleneckModel,
  type ActivityWaitModel,
  type BottleneckOptions,
} from './bottleneck.ts';
export { bottlenecksNow, type BottleneckFinding } from './bottlenecks-now.ts';
export {
  runningCaseEntry,
  runningCaseModelOf,
  runningCaseMetrics,
  bottleneckEntry,
  bottleneckModelOf,
} from './registry-models.ts';
export type { RunningCaseModel, RunningCaseTarget } from './running-case-model.ts';
export type { RunningCaseEvaluation, RemainingTimeEvaluation, ProbabilityEvaluation } from './evaluate-running-case.ts';
export { inferEndActivities, resolveEndActivities } from './end-activities.ts';
export { losesToBaseline, modelInUse, type BaselineDefeat } from './model-in-use.ts';
