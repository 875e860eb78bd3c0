import type { QualityReport } from '../../../preload/api.ts';

/**
 * The data-quality errors still in the log that a one-click fix would remove: 46 events dated 2100
 * make a cycle time of 358 d and a grand mean of 8,602 h, yet only the Data quality view said so.
 * Views of figures name them and point to the fix.
 */
export function unfixedErrors(report: QualityReport | null): string[] {
  if (!report) return [];
  return report.checks
    .filter((c) => c.applicable && c.severity === 'error' && c.count > 0 && c.fix !== null)
    .map((c) => `${c.title}: ${c.count.toLocaleString('en')} ${c.unit}`);
}
