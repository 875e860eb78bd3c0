import { useEffect, useState } from 'react';
import { useWorkbench } from '../../app/workbench.ts';
import { useAsync } from '../../components/use-async.ts';
import { HealthLight } from './health-light.tsx';
import './quality-view.css';
import { isReviewed } from './reviewed.ts';

/**
 * The log's data-quality health in the sidebar, on every screen, asking for a review until the
 * user has opened the Data quality view for this import.
 */
export function HealthBadge() {
  const { api, workspace, logVersion, navigate } = useWorkbench();
  const current = workspace?.current ?? null;
  const path = workspace?.path ?? '';
  const report = useAsync(
    () => (current ? api.qualityReport(path) : Promise.resolve(null)),
    [api, path, current?.id, logVersion],
  );
  const [, setTick] = useState(0);
  useEffect(() => {
    const refresh = () => setTick((t) => t + 1);
    globalThis.addEventListener('gemba-quality-reviewed', refresh);
    return () => globalThis.removeEventListener('gemba-quality-reviewed', refresh);
  }, []);
  if (!current || !report.value) return null;
  const reviewed = isReviewed(path, current.id);
  const fixes = report.value.fixesInForce.length;
  return (
    <button
      type="button"
      className="health-badge"
      data-testid="health-badge"
      onClick={() => navigate('quality')}
      title="Open the data-quality report"
    >
      <span className="health-badge-label">Data quality</span>
      <HealthLight health={report.value.health} testId="health-badge-light" />
      {!reviewed ? <span className="health-badge-note">not reviewed</span> : null}
      {fixes > 0 ? (
        <span className="health-badge-note" data-testid="health-badge-fixes">
          {fixes === 1 ? '1 fix in force' : `${fixes} fixes in force`}
        </span>
      ) : null}
    </button>
  );
}
