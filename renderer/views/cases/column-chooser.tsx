import { columnKey, columnLabel, type ExtraColumn } from './extra-columns.ts';

/** Picks the case table's optional columns: the variant and any case attribute. */
export function ColumnChooser({
  attributes,
  chosen,
  onChange,
}: {
  attributes: readonly string[];
  chosen: readonly ExtraColumn[];
  onChange(next: ExtraColumn[]): void;
}) {
  const offered: ExtraColumn[] = [
    { kind: 'variant' },
    ...attributes.map((name): ExtraColumn => ({ kind: 'attribute', name })),
  ];
  const on = new Set(chosen.map(columnKey));
  return (
    <details className="column-chooser" data-testid="column-chooser">
      <summary>Columns</summary>
      <div className="column-chooser-list">
        {offered.map((column) => {
          const key = columnKey(column);
          return (
            <label key={key}>
              <input
                type="checkbox"
                checked={on.has(key)}
                data-testid={`column-${key}`}
                onChange={(e) =>
                  onChange(e.target.checked ? [...chosen, column] : chosen.filter((c) => columnKey(c) !== key))
                }
              />{' '}
              {columnLabel(column)}
              {column.kind === 'attribute' ? <span className="muted small"> (case attribute)</span> : null}
            </label>
          );
        })}
        {attributes.length === 0 ? <p className="muted small">The log has no case attributes.</p> : null}
      </div>
    </details>
  );
}
