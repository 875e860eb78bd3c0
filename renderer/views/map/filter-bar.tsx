import type { LogFilter } from '../../../preload/api.ts';
import {
  redoFilters,
  removeFilter,
  setFilters,
  toggleNegate,
  undoFilters,
  useFilterHistory,
  useLogFilters,
} from '../../app/filter-store.ts';
import { useWorkbench } from '../../app/workbench.ts';
import { describeFilter } from './describe-filter.ts';
import { FilterSetsMenu } from './filter-sets-menu.tsx';

/**
 * The filters in force as chips, numbered in the order they apply (Disco's filter stack: each
 * sees the cases the ones before it kept): the explicit Invert button negates one (the chip then
 * reads NOT (…)), ✕ removes it.
 * Shown on every view; the full bar also has undo/redo of filter changes and saved sets.
 */
export function FilterChips({ compact = false }: { compact?: boolean }) {
  const { workspace } = useWorkbench();
  const filters: LogFilter[] = useLogFilters(workspace?.path ?? '');
  const history = useFilterHistory();
  if (!workspace || (compact && filters.length === 0)) return null;
  return (
    <div
      className={`filter-chips${compact ? ' filter-chips-compact' : ''}`}
      data-testid="filter-chips"
      aria-label="Filters in force"
    >
      {filters.length === 0 ? <span className="muted small">No filters: all cases.</span> : null}
      {filters.map((f, i) => (
        <span key={i} className={`filter-chip${f.negate ? ' filter-chip-negated' : ''}`} data-testid="filter-chip">
          {filters.length > 1 ? (
            <span
              className="filter-chip-order"
              title={`Applied ${i === 0 ? 'first' : `after filter${i === 1 ? '' : 's'} 1${i > 1 ? `–${i}` : ''}`}`}
            >
              {i + 1}.
            </span>
          ) : null}
          <span className="filter-chip-text" title={describeFilter(f)}>
            {describeFilter(f)}
          </span>
          <button
            type="button"
            className={`filter-chip-not${f.negate ? ' filter-chip-not-on' : ''}`}
            aria-pressed={!!f.negate}
            aria-label={
              f.negate
                ? `Keep the cases of ${describeFilter({ ...f, negate: false })} again`
                : `Negate ${describeFilter(f)}: keep the cases it drops`
            }
            title={
              f.negate
                ? 'Negated: keeps the cases the filter would drop. Click to keep its own cases again.'
                : 'Negate: keep the cases this filter drops instead'
            }
            data-testid="filter-chip-not"
            onClick={() => toggleNegate(i)}
          >
            {/* A bare "NOT" read as an unexplained badge; the button says what it does. */}
            {f.negate ? 'Inverted' : 'Invert'}
          </button>
          <button
            type="button"
            className="filter-chip-remove"
            aria-label={`Remove filter ${describeFilter(f)}`}
            onClick={() => removeFilter(i)}
          >
            ✕
          </button>
        </span>
      ))}
      {filters.length > 1 ? (
        <button type="button" className="link-button small" onClick={() => setFilters([])}>
          Clear all
        </button>
      ) : null}
      {compact ? null : (
        <>
          <button
            type="button"
            className="small-button"
            disabled={!history.canUndo}
            data-testid="filter-undo"
            title="Undo the last filter change"
            onClick={() => undoFilters()}
          >
            Undo
          </button>
          <button
            type="button"
            className="small-button"
            disabled={!history.canRedo}
            data-testid="filter-redo"
            title="Redo the filter change undone"
            onClick={() => redoFilters()}
          >
            Redo
          </button>
          <FilterSetsMenu workspace={workspace.path} filters={filters} />
        </>
      )}
    </div>
  );
}

// The editor for one more filter lives in filter-editor.tsx; map views import it from here.
export { FilterEditor } from './filter-editor.tsx';
