import { useEffect, useState } from 'react';
import type { QualityFix, UserFacingError } from '../../../preload/api.ts';
import { toUserFacingError } from '../../api/gemba-error.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { formatDuration, formatMoment, plural } from '../../components/format.ts';
import { TextWithTimes } from '../../components/text-with-times.tsx';
import { useAsync } from '../../components/use-async.ts';
import { CheckCard } from './check-card.tsx';
import { HealthLight } from './health-light.tsx';
import { markReviewed } from './reviewed.ts';
import { TimeZoneFix } from './time-zone-fix.tsx';
import './quality-view.css';

/**
 * The data-quality report of the current log: a traffic light, every check with its count and
 * examples, one click to apply a suggested fix, and the fixes in force with undo. Fixes never
 * change the imported file; every other view shows the log with the fixes in force.
 */
export function QualityView() {
  const { api, logVersion, logChanged, navigate } = useWorkbench();
  const workspace = useWorkspace();
  const report = useAsync(() => api.qualityReport(workspace.path), [api, workspace.path, logVersion]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserFacingError | null>(null);
  const importId = workspace.current?.id ?? null;

  useEffect(() => {
    if (importId !== null && report.status === 'ready') markReviewed(workspace.path, importId);
  }, [workspace.path, importId, report.status]);

  async function change(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      await logChanged();
    } catch (e) {
      setError(toUserFacingError(e));
    } finally {
      setBusy(false);
    }
  }
  const apply = (fix: QualityFix) => change(() => api.applyFix(workspace.path, fix));
  const undo = (fixId: number) => change(() => api.undoFix(workspace.path, fixId));

  const value = report.value;
  // The zone naive timestamps are now read in (the import's, or the last time-zone fix's): the
  // engine works it out, so the UI and the CLI start a new time-zone fix from the same zone.
  const naiveZone = value?.naiveTimeZone ?? null;
  return (
    <div className="view quality-view">
      <header className="view-header">
        <div>
          <h1>Data quality</h1>
          <p className="muted">
            Can this log be trusted? Each check says what it found, shows examples, and suggests a fix you can undo.
          </p>
        </div>
        <div className="button-row">
          <button type="button" onClick={report.reload} disabled={report.status === 'loading'}>
            Check again
          </button>
        </div>
      </header>

      {error ? <ErrorPanel error={error} onDismiss={() => setError(null)} /> : null}
      {report.status === 'failed' ? <ErrorPanel error={report.error} /> : null}
      {!value && report.status === 'loading' ? <p className="muted">Checking the log…</p> : null}

      {value ? (
        <>
          <section className="panel quality-summary" data-testid="quality-summary">
            <HealthLight health={value.health} testId="quality-health" />
            <span data-testid="quality-errors">{plural(value.summary.errors, 'error')}</span>
            <span data-testid="quality-warnings">{plural(value.summary.warnings, 'warning')}</span>
            <span>{plural(value.summary.infos, 'note')}</span>
            <span className="muted">
              {plural(value.cases, 'case')} · {plural(value.events, 'event')} · checked in{' '}
              {formatDuration(value.computedMs / 1000)}
            </span>
          </section>

          <section className="panel" data-testid="quality-fixes">
            <h2>Fixes in force</h2>
            {value.fixesInForce.length === 0 ? (
              <p className="muted">None: every result is computed on the log as imported.</p>
            ) : (
              <table className="data-table compact">
                <tbody>
                  {value.fixesInForce.map((applied) => (
                    <tr key={applied.id} data-testid="quality-fix-in-force">
                      <td className="num">#{applied.id}</td>
                      <td>
                        <TextWithTimes text={applied.fix.description} />
                      </td>
                      <td className="muted">
                        {applied.user}, {formatMoment(applied.appliedAt)}
                      </td>
                      <td>
                        <button
                          type="button"
                          disabled={busy}
                          onClick={() => undo(applied.id)}
                          data-testid={`quality-undo-${applied.id}`}
                        >
                          Undo
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          {naiveZone ? <TimeZoneFix key={naiveZone} fromZone={naiveZone} busy={busy} onApply={apply} /> : null}

          <section className="check-list" aria-busy={busy || report.status === 'loading'}>
            {value.checks.map((check) => (
              <CheckCard
                key={check.kind}
                check={check}
                busy={busy}
                onApply={apply}
                onOpenCase={(index) => navigate('cases', { case: String(index) })}
              />
            ))}
          </section>
        </>
      ) : null}
    </div>
  );
}
