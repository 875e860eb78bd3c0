import { useState } from 'react';
import { mapFromRows, rowsFromMap, type MergeRow } from './merge-map.ts';

/**
 * The proposed label merge map as a table the user can edit: untick a row to keep a label as
 * it is, or type another target spelling. Labels are shown as text (never as HTML).
 */
export function MergeMapEditor({
  map,
  counts,
  busy,
  onApply,
}: {
  map: Record<string, string>;
  counts: Map<string, number>;
  busy: boolean;
  onApply: (map: Record<string, string>) => void;
}) {
  const [rows, setRows] = useState<MergeRow[]>(() => rowsFromMap(map));
  const edited = mapFromRows(rows);
  const size = Object.keys(edited).length;
  const update = (i: number, change: Partial<MergeRow>) =>
    setRows((all) => all.map((row, k) => (k === i ? { ...row, ...change } : row)));
  return (
    <div className="merge-editor" data-testid="merge-editor">
      <table className="data-table compact">
        <thead>
          <tr>
            <th>Merge</th>
            <th>Label in the log</th>
            <th className="num">Events</th>
            <th>Becomes</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.variant} data-testid="merge-row">
              <td>
                <input
                  type="checkbox"
                  checked={row.include}
                  onChange={(e) => update(i, { include: e.target.checked })}
                  aria-label={`Merge "${row.variant}"`}
                />
              </td>
              <td className="mono label-cell">{JSON.stringify(row.variant)}</td>
              <td className="num">{counts.get(row.variant) ?? ''}</td>
              <td>
                <input
                  type="text"
                  value={row.canonical}
                  onChange={(e) => update(i, { canonical: e.target.value })}
                  aria-label={`Target for "${row.variant}"`}
                  data-testid="merge-target"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={busy || size === 0}
          onClick={() => onApply(edited)}
          data-testid="quality-apply-inconsistent_labels"
        >
          Merge {size} {size === 1 ? 'label' : 'labels'}
        </button>
      </div>
    </div>
  );
}
