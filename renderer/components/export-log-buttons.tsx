import { useState } from 'react';
import { LOG_TEXT_FORMATS, type LogTextFormat, type UserFacingError } from '../../preload/api.ts';
import { toUserFacingError } from '../api/gemba-error.ts';
import { useLogFilters } from '../app/filter-store.ts';
import { useWorkbench, useWorkspace } from '../app/workbench.ts';
import { ErrorPanel } from './error-panel.tsx';
import { plural } from './format.ts';
import { downloadBlob } from './plotly-chart.tsx';

const TYPES: Record<LogTextFormat, string> = { csv: 'text/csv;charset=utf-8', xes: 'application/xml' };

/**
 * Saves the log the views show (fixes in force, filters applied) as CSV or XES for other
 * process-mining tools: the same file as `gemba export --log`, values verbatim, times in UTC.
 * What the file is (and is not: a spreadsheet) is said after each export.
 */
export function ExportLogButtons() {
  const { api } = useWorkbench();
  const workspace = useWorkspace();
  const filters = useLogFilters(workspace.path);
  const [busy, setBusy] = useState<LogTextFormat | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<UserFacingError | null>(null);

  async function run(format: LogTextFormat) {
    setBusy(format);
    setError(null);
    setDone(null);
    try {
      const out = await api.exportLogText(workspace.path, { format, filters });
      await downloadBlob(new Blob([out.text], { type: TYPES[format] }), out.fileName);
      setDone(`${out.fileName}: ${plural(out.cases, 'case')}, ${plural(out.events, 'event')}. ${out.notes.join(' ')}`);
    } catch (caught) {
      setError(toUserFacingError(caught));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="export-log" data-testid="export-log">
      <span className="button-row">
        {LOG_TEXT_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            disabled={busy !== null}
            data-testid={`export-log-${format}`}
            title={`The log${filters.length ? ' the filters keep' : ''} as ${format.toUpperCase()} for process-mining tools (Disco, PM4Py, Gemba)`}
            onClick={() => void run(format)}
          >
            {busy === format ? 'Exporting…' : `Log as ${format.toUpperCase()}`}
          </button>
        ))}
      </span>
      {done ? (
        <p className="muted small" data-testid="export-log-done">
          {done}
        </p>
      ) : null}
      {error ? <ErrorPanel error={error} title="The log could not be exported" /> : null}
    </div>
  );
}
