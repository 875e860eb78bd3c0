import { useState } from 'react';
import type { MeasuresInfo, MeasuresSchema, UserFacingError } from '../../../preload/api.ts';
import { toUserFacingError } from '../../api/gemba-error.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';

const CHART_NAMES: Record<string, string> = {
  imr: 'I-MR',
  'xbar-r': 'Xbar-R',
  'xbar-s': 'Xbar-S',
  p: 'P',
  np: 'NP',
  c: 'C',
  u: 'U',
  'laney-p': 'Laney P′',
  'laney-u': 'Laney U′',
  ewma: 'EWMA',
  cusum: 'CUSUM',
};

export function chartName(chart: string): string {
  return CHART_NAMES[chart] ?? chart;
}

/**
 * The measurement schema of the workspace: every measure's definition in a table, and the file
 * itself (measures.json) to edit here or in any text editor. A save is checked by the engine
 * against the JSON Schema; a bad file is refused with the measure, field and line named.
 */
export function MeasuresEditor({ info, onSaved }: { info: MeasuresInfo; onSaved(info: MeasuresInfo): void }) {
  const { api } = useWorkbench();
  const workspace = useWorkspace();
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<UserFacingError | null>(null);
  const [busy, setBusy] = useState(false);
  const editing = text !== null;

  const run = async (call: () => Promise<MeasuresInfo>) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await call();
      setText(null);
      onSaved(saved);
    } catch (e) {
      setError(toUserFacingError(e));
    } finally {
      setBusy(false);
    }
  };
  const save = () => {
    let schema: MeasuresSchema;
    try {
      schema = JSON.parse(text ?? '') as MeasuresSchema;
    } catch (e) {
      setError({
        kind: 'input',
        message: `The text is not valid JSON: ${(e as Error).message}`,
        hint: 'Fix it, or cancel to keep the saved file.',
      });
      return;
    }
    void run(() => api.saveMeasures(workspace.path, schema));
  };

  return (
    <section className="panel" data-testid="measures-definitions">
      <h2>Definitions</h2>
      <p className="muted small">
        Every measure is defined once, in <span className="mono">{info.path}</span>: the tiles, the control charts and{' '}
        <span className="mono">gemba kpi</span> all read it.
      </p>
      <div className="table-scroll">
        <table className="data-table compact">
          <thead>
            <tr>
              <th>Measure</th>
              <th>Name</th>
              <th>Per</th>
              <th>Unit</th>
              <th>Charts</th>
              <th>In plain words</th>
            </tr>
          </thead>
          <tbody>
            {info.measures.map((m) => (
              <tr key={m.name}>
                <td>{m.title}</td>
                <td className="mono small">{m.name}</td>
                <td>{m.per}</td>
                <td>{m.unit}</td>
                <td className="small">{m.charts.map(chartName).join(', ')}</td>
                <td className="wrap small">{m.sentence}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="button-row measures-editor-actions">
        {editing ? null : (
          <button
            type="button"
            onClick={() => setText(JSON.stringify(info.schema, null, 2))}
            data-testid="measures-edit"
          >
            Edit measures.json
          </button>
        )}
        <button
          type="button"
          disabled={busy}
          onClick={() => void run(() => api.restoreDefaultMeasures(workspace.path))}
          title="Put the shipped definitions back; your file is kept as measures.json.bak"
        >
          Restore the default definitions
        </button>
      </div>
      {editing ? (
        <div className="measures-editor">
          <textarea
            className="mono measures-text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
            aria-label="measures.json"
            data-testid="measures-text"
          />
          <div className="button-row">
            <button type="button" className="primary" disabled={busy} onClick={save} data-testid="measures-save">
              Check and save
            </button>
            <button type="button" disabled={busy} onClick={() => (setText(null), setError(null))}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {error ? (
        <ErrorPanel error={error} title="The definitions were not saved" onDismiss={() => setError(null)} />
      ) : null}
    </section>
  );
}
