import { useMemo, useState } from 'react';
import type { StatisticsBy, StatisticsRequest } from '../../../preload/api.ts';
import { useLogFilters } from '../../app/filter-store.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { ExportCsvButton } from '../../components/export-csv-button.tsx';
import { formatCount, plural } from '../../components/format.ts';
import { useAsync } from '../../components/use-async.ts';
import {
  cellText,
  descendingFirst,
  sortStatisticsRows,
  STATISTICS_COLUMNS,
  type StatisticsColumn,
} from './statistics-columns.ts';
import { TabButtons } from '../../components/tab-buttons.tsx';

const BY_LABELS: Record<StatisticsBy, string> = {
  activity: 'Activities',
  resource: 'Resources',
  attribute: 'Attribute',
};

/**
 * Disco's Statistics tab: one row per activity, resource or attribute value with how often it
 * occurs and how long its events take (mean, median, P90, P95, standard deviation, min, max,
 * total), on the cases the filters keep; sortable by any column, exportable as CSV.
 */
export function StatisticsView() {
  const { api, logVersion } = useWorkbench();
  const workspace = useWorkspace();
  const filters = useLogFilters(workspace.path);
  const [by, setBy] = useState<StatisticsBy>('activity');
  const [attribute, setAttribute] = useState('');
  const [sort, setSort] = useState<{ column: StatisticsColumn; descending: boolean }>({
    column: 'frequency',
    descending: true,
  });
  const options = useAsync(() => api.filterOptions(workspace.path), [api, workspace.path, logVersion]);
  const attributes = useMemo(() => {
    const o = options.value;
    if (!o) return [];
    return [
      ...o.caseAttributes.map((a) => ({ name: a.name, level: 'case' })),
      ...o.eventAttributes.map((a) => ({ name: a.name, level: 'event' })),
    ];
  }, [options.value]);
  const chosenAttribute = attribute || attributes[0]?.name || '';
  const request: StatisticsRequest | null =
    by === 'attribute' ? (chosenAttribute ? { by, attribute: chosenAttribute, filters } : null) : { by, filters };
  const table = useAsync(
    () => (request ? api.statisticsTable(workspace.path, request) : Promise.resolve(null)),
    [api, workspace.path, logVersion, by, chosenAttribute, JSON.stringify(filters)],
  );
  const rows = useMemo(
    () => (table.value ? sortStatisticsRows(table.value.rows, sort.column, sort.descending) : []),
    [table.value, sort],
  );

  function onSort(column: StatisticsColumn) {
    setSort((now) =>
      now.column === column ? { column, descending: !now.descending } : { column, descending: descendingFirst(column) },
    );
  }

  return (
    <div className="view view-fill">
      <header className="view-header">
        <div>
          <h1>Statistics</h1>
          <p className="muted small" data-testid="statistics-caption">
            {table.value
              ? `${plural(table.value.rows.length, 'row')} · ${plural(table.value.cases, 'case')} · ${plural(table.value.events, 'event')}${filters.length > 0 ? ` · ${plural(filters.length, 'filter')} applied` : ''}`
              : 'Counting…'}
          </p>
        </div>
        <div className="button-row">
          <TabButtons
            label="Rows per"
            tabs={BY_LABELS}
            current={by}
            onChoose={setBy}
            testIdPrefix="statistics-by-"
            unavailable={(key) =>
              key === 'attribute' && attributes.length === 0 ? 'The log has no attributes' : undefined
            }
          />
          {by === 'attribute' ? (
            <label>
              <span className="visually-hidden">Attribute</span>
              <select
                value={chosenAttribute}
                data-testid="statistics-attribute"
                onChange={(e) => setAttribute(e.target.value)}
              >
                {attributes.map((a) => (
                  <option key={`${a.level}:${a.name}`} value={a.name}>
                    {a.name} ({a.level})
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {request ? (
            <ExportCsvButton
              testId="statistics-export"
              request={{
                table: 'statistics',
                by,
                ...(by === 'attribute' ? { attribute: chosenAttribute } : {}),
                filters,
              }}
            />
          ) : null}
        </div>
      </header>
      {table.status === 'failed' ? (
        <ErrorPanel error={table.error} title="The statistics could not be computed" />
      ) : null}
      {options.status === 'failed' ? (
        <ErrorPanel error={options.error} title="The attributes could not be listed" />
      ) : null}
      {table.value ? (
        <>
          <p className="muted small" data-testid="statistics-meaning">
            Durations: {table.value.durationMeaning}
            {table.value.withoutValue > 0
              ? ` · ${formatCount(table.value.withoutValue)} ${table.value.level === 'case' ? 'cases' : 'events'} without a value are not in any row`
              : ''}
          </p>
          <div className="table-scroll statistics-scroll">
            <table className="data-table" data-testid="statistics-table" aria-busy={table.status === 'loading'}>
              <thead>
                <tr>
                  {STATISTICS_COLUMNS.map((column) => {
                    const active = sort.column === column.id;
                    return (
                      <th
                        key={column.id}
                        className={column.numeric ? 'num' : undefined}
                        aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                        title={column.title}
                      >
                        <button
                          type="button"
                          className="link-button"
                          data-testid={`statistics-sort-${column.id}`}
                          onClick={() => onSort(column.id)}
                        >
                          {column.label}
                          {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
                        </button>
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.value} data-testid="statistics-row">
                    {STATISTICS_COLUMNS.map((column) => (
                      <td
                        key={column.id}
                        className={column.numeric ? 'num' : undefined}
                        title={column.id === 'value' ? row.value : undefined}
                      >
                        {cellText(row, column.id)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}
