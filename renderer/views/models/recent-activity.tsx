import { useTimeFormat } from '../../app/time-format.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { useAsync } from '../../components/use-async.ts';
import { auditWords } from '../findings/finding-detail.tsx';

const SHOWN = 25;

/** The workspace's audit trail, newest first: imports, fixes, training, scoring and every action on a finding. */
export function RecentActivity({ version }: { version: number }) {
  const { api, logVersion } = useWorkbench();
  const workspace = useWorkspace();
  const times = useTimeFormat();
  const trail = useAsync(
    () => api.auditTrail(workspace.path, { limit: SHOWN }),
    [api, workspace.path, logVersion, version],
  );
  return (
    <section className="panel" data-testid="recent-activity">
      <h2 className="plain-title">Audit trail</h2>
      <p className="muted small">
        Who did what, when, on this workspace (the newest {SHOWN}); kept in the workspace, never edited.
      </p>
      {trail.status === 'failed' ? <ErrorPanel error={trail.error} title="The audit trail could not be read" /> : null}
      <ul className="audit-list">
        {(trail.value ?? []).map((a) => (
          <li key={a.id} data-testid="workspace-audit-entry">
            <span title={times.title(a.at)}>{times.moment(a.at)}</span> · {a.user} · <strong>{auditWords(a)}</strong>
            {typeof (a.details as { findingId?: unknown } | null)?.findingId === 'string' ? (
              <span className="muted small"> · {(a.details as { findingId: string }).findingId}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
