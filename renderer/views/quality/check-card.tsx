import type { QualityCheck, QualityFix } from '../../../preload/api.ts';
import { formatCount, unitFor } from '../../components/format.ts';
import { TextWithTimes } from '../../components/text-with-times.tsx';
import { IncompleteCasesEditor } from './incomplete-cases-editor.tsx';
import { MergeMapEditor } from './merge-map-editor.tsx';

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

/**
 * One check of the report: a line with its severity and count that opens to the explanation,
 * the per-column or per-label figures, examples that link to their cases, and the suggested fix.
 */
export function CheckCard({
  check,
  busy,
  onApply,
  onOpenCase,
}: {
  check: QualityCheck;
  busy: boolean;
  onApply: (fix: QualityFix) => void;
  onOpenCase: (caseIndex: number) => void;
}) {
  const state = !check.applicable ? 'na' : check.count === 0 ? 'ok' : check.severity;
  return (
    <details
      className={`check-card check-${state}`}
      data-testid={`quality-check-${check.kind}`}
      data-severity={check.severity}
      data-count={check.count}
    >
      <summary>
        <span className={`check-mark mark-${state}`} aria-hidden="true" />
        <span className="check-title">{check.title}</span>
        <span className="check-count" data-testid={`quality-count-${check.kind}`}>
          {check.applicable ? formatCount(check.count) : 'n/a'}
        </span>
        <span className="check-unit muted">
          {check.applicable ? unitFor(check.count, check.unit) : 'not applicable'}
        </span>
        <span className="check-severity">
          {check.applicable && check.count > 0 ? SEVERITY_LABEL[check.severity] : check.applicable ? 'OK' : ''}
        </span>
      </summary>
      <div className="check-body">
        <p>
          <TextWithTimes text={check.explanation} />
        </p>
        {check.breakdown && check.breakdown.length > 0 && check.fix?.kind !== 'merge_labels' ? (
          <table className="data-table compact breakdown">
            <tbody>
              {check.breakdown.map((row) => (
                <tr key={row.label}>
                  <td>{row.label}</td>
                  <td className="num">{formatCount(row.count)}</td>
                  <td className="muted">
                    <TextWithTimes text={row.detail ?? ''} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {check.examples.length > 0 ? (
          <>
            <h3>Examples</h3>
            <table className="data-table compact examples" data-testid={`quality-examples-${check.kind}`}>
              <thead>
                <tr>
                  <th className="num">Line</th>
                  <th>Case</th>
                  <th>What</th>
                </tr>
              </thead>
              <tbody>
                {check.examples.map((example, i) => (
                  <tr key={i}>
                    <td className="num">{example.line ?? ''}</td>
                    <td>
                      {example.caseIndex !== undefined ? (
                        <button type="button" className="link-button" onClick={() => onOpenCase(example.caseIndex!)}>
                          {example.caseId}
                        </button>
                      ) : (
                        (example.caseId ?? '')
                      )}
                    </td>
                    <td className="example-detail">
                      <TextWithTimes text={example.detail} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
        <FixControls check={check} busy={busy} onApply={onApply} />
      </div>
    </details>
  );
}

function FixControls({
  check,
  busy,
  onApply,
}: {
  check: QualityCheck;
  busy: boolean;
  onApply: (fix: QualityFix) => void;
}) {
  const fix = check.fix;
  if (!fix) return null;
  if (fix.kind === 'merge_labels') {
    const counts = new Map((check.breakdown ?? []).map((row) => [row.label, row.count]));
    return (
      <>
        <h3>Proposed merge (edit before applying)</h3>
        <MergeMapEditor
          key={JSON.stringify(fix.params.map)}
          map={fix.params.map}
          counts={counts}
          busy={busy}
          onApply={(map) =>
            onApply({ ...fix, description: `Merge ${Object.keys(map).length} variant labels`, params: { map } })
          }
        />
      </>
    );
  }
  if (fix.kind === 'drop_incomplete_cases') {
    return (
      <>
        <h3>Suggested fix</h3>
        <IncompleteCasesEditor key={JSON.stringify(fix.params)} fix={fix} busy={busy} onApply={onApply} />
      </>
    );
  }
  return (
    <div className="button-row fix-row">
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() => onApply(fix)}
        data-testid={`quality-apply-${check.kind}`}
      >
        <TextWithTimes text={fix.description} />
      </button>
      {fix.kind === 'exclude_bad_timestamps' ? (
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            onApply({
              ...fix,
              description: `Drop every case with one of ${check.count.toLocaleString('en')} misdated ${check.unit}`,
              params: { ...fix.params, scope: 'cases' },
            })
          }
          title="Excluding only the events turns a finished case whose last event is misdated into a running one; dropping the cases keeps the completed and running counts honest."
          data-testid={`quality-apply-cases-${check.kind}`}
        >
          Drop those cases instead
        </button>
      ) : null}
    </div>
  );
}
