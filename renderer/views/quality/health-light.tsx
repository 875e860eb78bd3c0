import type { QualityReport } from '../../../preload/api.ts';

const LABEL: Record<QualityReport['health'], string> = { green: 'Good', amber: 'Needs review', red: 'Problems' };

/** The traffic light of a quality report, with its meaning in words for screen readers and tests. */
export function HealthLight({ health, testId }: { health: QualityReport['health']; testId?: string }) {
  return (
    <span className={`health-light health-${health}`} data-testid={testId} data-health={health}>
      <span className="health-dot" aria-hidden="true" />
      {LABEL[health]}
    </span>
  );
}
