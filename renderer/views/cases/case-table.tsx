import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useReducer, useRef, type KeyboardEvent } from 'react';
import type { CaseQuery, CaseRow, CaseSort } from '../../../preload/api.ts';
import { toUserFacingError } from '../../api/gemba-error.ts';
import { useTimeFormat } from '../../app/time-format.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { formatCount, formatDuration, plural } from '../../components/format.ts';
import { useLogFilters } from '../../app/filter-store.ts';
import { extraCell, columnKey, columnLabel, gridColumns, type ExtraColumn } from './extra-columns.ts';
import { pagesCovering } from './page-range.ts';
import type { UserFacingError } from '../../../preload/api.ts';

const PAGE_SIZE = 200;
const ROW_HEIGHT = 30;

const COLUMNS: { label: string; sort: CaseSort; numeric: boolean }[] = [
  { label: 'Case id', sort: 'id', numeric: false },
  { label: 'Events', sort: 'events', numeric: true },
  { label: 'Start', sort: 'start', numeric: false },
  { label: 'End', sort: 'end', numeric: false },
  { label: 'Duration', sort: 'duration', numeric: true },
];

/**
 * With a case open beside the table, one of Start and End gives way so the case ids stay
 * readable; the one the table is sorted by stays.
 */
function visibleColumns(compact: boolean, sort: CaseSort): CaseSort[] {
  const all = COLUMNS.map((c) => c.sort);
  if (!compact) return all;
  const dropped: CaseSort = sort === 'end' ? 'start' : 'end';
  return all.filter((c) => c !== dropped);
}

interface Pages {
  total: number | null;
  rows: Map<number, CaseRow[]>;
  loading: Set<number>;
  error: UserFacingError | null;
}

/**
 * All cases of the log in one scrolling table. Only the visible rows exist in the DOM and only
 * the pages around them are fetched, so a million cases scroll like ten.
 */
export function CaseTable({
  sort,
  descending,
  search,
  selected,
  compact,
  onSort,
  onSelect,
  extra = [],
}: {
  sort: CaseSort;
  descending: boolean;
  search: string;
  selected: number | null;
  /** A case is open beside the table: show fewer columns. */
  compact: boolean;
  onSort: (sort: CaseSort) => void;
  onSelect: (caseIndex: number) => void;
  /** Optional columns after the fixed ones (extra-columns.ts); left out while a case is open beside. */
  extra?: readonly ExtraColumn[];
}) {
  const { api, logVersion } = useWorkbench();
  const workspace = useWorkspace();
  const times = useTimeFormat();
  // The same filters as the map and variants (app/filter-store.ts), so the table lists the cases the map shows.
  const filters = useLogFilters(workspace.path);
  const scroller = useRef<HTMLDivElement>(null);
  const pages = useRef<Pages>({ total: null, rows: new Map(), loading: new Set(), error: null });
  const generation = useRef(0);
  const [, redraw] = useReducer((n: number) => n + 1, 0);

  function load(page: number) {
    const state = pages.current;
    if (state.rows.has(page) || state.loading.has(page)) return;
    state.loading.add(page);
    const mine = generation.current;
    const query: CaseQuery = {
      offset: page * PAGE_SIZE,
      limit: PAGE_SIZE,
      sort,
      descending,
      search: search || undefined,
      filters: filters.length > 0 ? filters : undefined,
    };
    api.cases(workspace.path, query).then(
      (result) => {
        if (generation.current !== mine) return;
        state.loading.delete(page);
        state.rows.set(page, result.rows);
        state.total = result.total;
        redraw();
      },
      (error: unknown) => {
        if (generation.current !== mine) return;
        state.loading.delete(page);
        state.error = toUserFacingError(error);
        redraw();
      },
    );
  }

  // A new sort, search or log starts from an empty cache and the top of the list.
  useEffect(() => {
    generation.current++;
    pages.current = { total: null, rows: new Map(), loading: new Set(), error: null };
    scroller.current?.scrollTo({ top: 0 });
    load(0);
    redraw();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `load` of this render already sees the current query
  }, [sort, descending, search, filters, logVersion, workspace.path]);

  const total = pages.current.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    for (const page of pagesCovering(first, last, PAGE_SIZE, total)) load(page);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `load` of this render already sees the current query
  }, [first, last, total]);

  function rowAt(position: number): CaseRow | undefined {
    return pages.current.rows.get(Math.floor(position / PAGE_SIZE))?.[position % PAGE_SIZE];
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const focused = document.activeElement?.getAttribute('data-position');
    const current = focused ? Number(focused) : -1;
    const next = Math.max(0, Math.min(total - 1, current + (event.key === 'ArrowDown' ? 1 : -1)));
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() => {
      scroller.current?.querySelector<HTMLElement>(`[data-position="${next}"]`)?.focus();
    });
  }

  const state = pages.current;
  const shown = visibleColumns(compact, sort);
  const extras = compact ? [] : extra;
  const grid = { gridTemplateColumns: gridColumns(compact, extras) };
  return (
    <div
      className={`case-table${compact ? ' compact' : ''}`}
      role="table"
      aria-label="Cases"
      aria-rowcount={total}
      data-testid="case-table"
    >
      <div className="case-row case-head" role="row" style={grid}>
        {COLUMNS.filter((column) => shown.includes(column.sort)).map((column) => {
          const active = column.sort === sort;
          return (
            <div
              key={column.label}
              role="columnheader"
              className={column.numeric ? 'num' : undefined}
              aria-sort={active ? (descending ? 'descending' : 'ascending') : undefined}
            >
              <button
                type="button"
                className="sort-button"
                onClick={() => onSort(column.sort)}
                data-testid={`sort-${column.sort}`}
              >
                {column.label}
                <span className="sort-mark" aria-hidden="true">
                  {active ? (descending ? ' ▼' : ' ▲') : ''}
                </span>
              </button>
            </div>
          );
        })}
        {extras.map((column) => (
          <div
            key={columnKey(column)}
            role="columnheader"
            className="truncate"
            title={columnLabel(column)}
            data-testid={`case-head-${columnKey(column)}`}
          >
            {columnLabel(column)}
          </div>
        ))}
      </div>
      {state.error ? (
        <ErrorPanel
          error={state.error}
          title={state.error.kind === 'input' ? 'The cases could not be listed' : undefined}
        />
      ) : null}
      <div className="case-scroll" ref={scroller} onKeyDown={onKeyDown} data-testid="case-scroll">
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            const isSelected = row !== undefined && row.index === selected;
            return (
              <div
                key={item.key}
                role="row"
                tabIndex={0}
                data-position={item.index}
                data-testid={row ? 'case-row' : 'case-row-loading'}
                data-case-id={row?.id}
                aria-selected={isSelected}
                className={`case-row${isSelected ? ' case-selected' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, ...grid }}
                onClick={() => row && onSelect(row.index)}
                onKeyDown={(event) => {
                  if ((event.key === 'Enter' || event.key === ' ') && row) {
                    event.preventDefault();
                    onSelect(row.index);
                  }
                }}
              >
                {row ? (
                  <>
                    <div role="cell" className="truncate" title={row.id}>
                      {row.id}
                    </div>
                    <div role="cell" className="num">
                      {formatCount(row.events)}
                    </div>
                    {shown.includes('start') ? (
                      <div role="cell" title={times.title(row.start)}>
                        {times.second(row.start)}
                      </div>
                    ) : null}
                    {shown.includes('end') ? (
                      <div role="cell" title={times.title(row.end)}>
                        {times.second(row.end)}
                      </div>
                    ) : null}
                    <div role="cell" className="num">
                      {formatDuration(row.durationSeconds)}
                    </div>
                    {extras.map((column) => (
                      <div
                        key={columnKey(column)}
                        role="cell"
                        className={column.kind === 'variant' ? 'num' : 'truncate'}
                        title={extraCell(row, column)}
                        data-testid={`case-cell-${columnKey(column)}`}
                      >
                        {extraCell(row, column)}
                      </div>
                    ))}
                  </>
                ) : (
                  <div role="cell" className="muted">
                    Loading…
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div className="case-foot muted small" data-testid="case-total">
        {state.total === null
          ? 'Loading cases…'
          : `${plural(state.total, 'case')}${search ? ` matching "${search}"` : ''}`}
        {filters.length > 0 ? (
          <span data-testid="case-filters-note">
            {' '}
            · {plural(filters.length, 'filter')} in force (see the chips in the sidebar)
          </span>
        ) : null}
      </div>
    </div>
  );
}
