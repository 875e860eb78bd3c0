import { useState } from 'react';
import type { TableExportRequest, UserFacingError } from '../../preload/api.ts';
import { toUserFacingError } from '../api/gemba-error.ts';
import { useDisplayZone } from '../app/display-zone.ts';
import { useWorkbench, useWorkspace } from '../app/workbench.ts';
import { ErrorPanel } from './error-panel.tsx';
import { downloadBlob } from './plotly-chart.tsx';

/**
 * Saves a table (cases, variants, statistics) as spreadsheet CSV. The engine writes the text
 * (byte order mark, quoting, formula-looking cells neutralised as OWASP advises) so the file is
 * the same as `gemba export --table`; the window only hands it to the download.
 */
export function ExportCsvButton({
  request,
  label = 'Export CSV',
  testId,
  small = false,
}: {
  request: TableExportRequest;
  label?: string;
  testId: string;
  small?: boolean;
}) {
  const { api } = useWorkbench();
  const workspace = useWorkspace();
  const { zone } = useDisplayZone();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserFacingError | null>(null);

  async function run() {
    setBusy(true);
    setError(null);
    try {
      // Times in the display time zone, as every view shows them.
      const table = await api.exportTable(workspace.path, { ...request, timeZone: zone });
      await downloadBlob(new Blob([table.csv], { type: 'text/csv;charset=utf-8' }), table.fileName);
    } catch (caught) {
      setError(toUserFacingError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className={small ? 'small-button' : undefined}
        disabled={busy}
        data-testid={testId}
        onClick={() => void run()}
        title="A CSV file for a spreadsheet, of the rows the filters keep"
      >
        {busy ? 'Exporting…' : label}
      </button>
      {error ? <ErrorPanel error={error} title="The table could not be exported" /> : null}
    </>
  );
}
