import { useEffect, useState } from 'react';
import type { CaseSort } from '../../../preload/api.ts';
import { useTimeFormat } from '../../app/time-format.ts';
import { useLogFilters } from '../../app/filter-store.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { ExportCsvButton } from '../../components/export-csv-button.tsx';
import { ExportLogButtons } from '../../components/export-log-buttons.tsx';
import { CaseDetailPanel } from './case-detail.tsx';
import { CaseTable } from './case-table.tsx';
import { ColumnChooser } from './column-chooser.tsx';
import { chosenColumns, saveColumns, type ExtraColumn } from './extra-columns.ts';
import { useAsync } from '../../components/use-async.ts';

/** Sort defaults per column: biggest first where bigger is what one looks for. */
const DESCENDING_FIRST: Record<CaseSort, boolean> = {
  id: false,
  events: true,
  start: false,
  end: true,
  duration: true,
};

/** Cases: the scrolling table and, for the selected case (route parameter `case`), its events. */
export function CasesView() {
  const { route, navigate, api, logVersion } = useWorkbench();
  const times = useTimeFormat();
  const workspace = useWorkspace();
  const filters = useLogFilters(workspace.path);
  const options = useAsync(() => api.filterOptions(workspace.path), [api, workspace.path, logVersion]);
  const attributes = (options.value?.caseAttributes ?? []).map((a) => a.name);
  const [extraChoice, setExtraChoice] = useState<ExtraColumn[] | null>(null);
  const extra = extraChoice ?? chosenColumns(workspace.path, attributes);
  const chooseColumns = (next: ExtraColumn[]) => {
    saveColumns(workspace.path, next);
    setExtraChoice(next);
  };
  const [sort, setSort] = useState<CaseSort>('id');
  const [descending, setDescending] = useState(false);
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const selectedParam = route.params.case;
  const selected = selectedParam !== undefined && /^\d+$/.test(selectedParam) ? Number(selectedParam) : null;

  // Search while typing, but ask the engine only once the user pauses.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchText.trim()), 250);
    return () => clearTimeout(timer);
  }, [searchText]);

  function onSort(next: CaseSort) {
    if (next === sort) setDescending(!descending);
    else {
      setSort(next);
      setDescending(DESCENDING_FIRST[next]);
    }
  }

  return (
    <div className="view view-fill">
      <header className="view-header">
        <div>
          <h1>Cases</h1>
          <p className="muted small" data-testid="time-zone-caption">
            {times.caption}
            {times.zone === 'UTC' ? '' : '; hover a time for UTC'}
          </p>
        </div>
        <label className="search">
          <span className="visually-hidden">Search case id</span>
          <input
            type="search"
            placeholder="Search case id…"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            data-testid="case-search"
          />
        </label>
        <div className="button-row">
          <ColumnChooser attributes={attributes} chosen={extra} onChange={chooseColumns} />
          <ExportCsvButton testId="cases-export" request={{ table: 'cases', filters }} />
          <ExportLogButtons />
        </div>
      </header>
      <div className={`cases-split${selected !== null ? ' with-detail' : ''}`}>
        <CaseTable
          sort={sort}
          descending={descending}
          search={search}
          selected={selected}
          compact={selected !== null}
          onSort={onSort}
          onSelect={(index) => navigate('cases', { case: String(index) })}
          extra={extra}
        />
        {selected !== null ? <CaseDetailPanel caseIndex={selected} onClose={() => navigate('cases')} /> : null}
      </div>
    </div>
  );
}
