/**
 * Every kind of model Gemba trains, in one place: the CLI's `gemba train --model`, the service's
 * training jobs and the registry's `kind` column all use these names.
 */
export const MODEL_KINDS = ['anomaly', 'remaining-time', 'sla-breach', 'outcome', 'bottleneck'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];
