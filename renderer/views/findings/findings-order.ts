import type { FindingSummary } from '../../../preload/api.ts';

export type FindingsOrder = 'score' | 'cost' | 'confidence';

/** Hours a finding costs: added cycle time of a case or type, added waiting of a bottleneck; 0 when unknown. */
export function hoursCost(f: Pick<FindingSummary, 'kpiEffect'>): number {
  const k = f.kpiEffect;
  const hours =
    typeof k.addedCycleTimeHours === 'number'
      ? k.addedCycleTimeHours
      : typeof k.addedWaitingHours === 'number'
        ? k.addedWaitingHours
        : 0;
  return Number.isFinite(hours) ? hours : 0;
}

/** Highest score first (the engine's order), or the costliest first, or the surest first; ties keep the engine's order. */
export function orderFindings(findings: readonly FindingSummary[], order: FindingsOrder): FindingSummary[] {
  if (order === 'score') return [...findings];
  const key = order === 'cost' ? hoursCost : (f: FindingSummary) => f.confidence;
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => key(b.f) - key(a.f) || a.i - b.i)
    .map(({ f }) => f);
}
