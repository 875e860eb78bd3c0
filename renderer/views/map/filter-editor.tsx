import { useState, type KeyboardEvent, type ReactNode } from 'react';
import type { FilterOptions } from '../../../preload/api.ts';
import { addFilter } from '../../app/filter-store.ts';
import { useWorkbench } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { useAsync } from '../../components/use-async.ts';
import { buildFilter, EDITABLE_KINDS, emptyDraft, type EditableKind, type FilterDraft } from './filter-draft.ts';

const TIME_MODES: [string, string][] = [
  ['intersecting', 'cases intersecting'],
  ['contained', 'cases contained in'],
  ['started', 'cases started in'],
  ['completed', 'cases completed in'],
  ['trim', 'trim events to'],
];

/**
 * A small form that builds one filter of any kind from the log's own names and values; it is
 * added at the end of the filter stack (filters apply in order). Enter adds, Escape cancels.
 */
export function FilterEditor({ onDone }: { onDone(): void }) {
  const { api, workspace, logVersion } = useWorkbench();
  const options = useAsync<FilterOptions>(() => api.filterOptions(workspace!.path), [workspace?.path, logVersion]);
  const [draft, setDraft] = useState<FilterDraft>(() => emptyDraft());
  const set = (patch: Partial<FilterDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const o = options.value;
  if (options.error) return <ErrorPanel error={options.error} title="The filter options could not be listed" />;
  if (!o) return <p className="muted small">Loading…</p>;
  const result = buildFilter(draft, o);

  const add = () => {
    if (!result.filter) return;
    addFilter(result.filter);
    onDone();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onDone();
    }
  };

  const activityOptions = o.activities.map((name) => (
    <option key={name} value={name}>
      {name}
    </option>
  ));
  const activities = (
    value: string[],
    onChange: (next: string[]) => void,
    label: string,
    multiple: boolean,
    testId: string,
  ): ReactNode =>
    multiple ? (
      <label className="filter-field">
        {label}
        <select
          multiple
          size={4}
          value={value}
          data-testid={testId}
          onChange={(e) => onChange(Array.from(e.target.selectedOptions, (x) => x.value))}
        >
          {activityOptions}
        </select>
      </label>
    ) : (
      <label className="filter-field">
        {label}
        <select
          value={value[0] ?? ''}
          data-testid={testId}
          onChange={(e) => onChange(e.target.value ? [e.target.value] : [])}
        >
          <option value="">—</option>
          {activityOptions}
        </select>
      </label>
    );
  const text = (
    value: string,
    onChange: (next: string) => void,
    label: string,
    testId: string,
    placeholder = '',
    size = 6,
  ): ReactNode => (
    <label className="filter-field">
      {label}
      <input
        type="text"
        size={size}
        value={value}
        placeholder={placeholder}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
  const attributes = draft.kind === 'caseAttribute' ? o.caseAttributes : o.eventAttributes;
  const chosen = attributes.find((x) => x.name === draft.attribute);

  return (
    <form
      className="filter-editor"
      data-testid="filter-editor"
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <label className="filter-field">
        Filter
        <select
          value={draft.kind}
          data-testid="filter-kind"
          autoFocus
          onChange={(e) => setDraft({ ...emptyDraft(e.target.value as EditableKind), negate: draft.negate })}
        >
          {EDITABLE_KINDS.map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {draft.kind === 'activities' ? (
        <>
          <select
            value={draft.mode}
            onChange={(e) => set({ mode: e.target.value })}
            aria-label="present or absent"
            data-testid="filter-mode"
          >
            <option value="any">with any of</option>
            <option value="all">with all of</option>
            <option value="none">without</option>
          </select>
          {activities(draft.first, (first) => set({ first }), 'activities', true, 'filter-first')}
        </>
      ) : null}
      {draft.kind === 'endpoints' ? (
        <>
          {activities(draft.first, (first) => set({ first }), 'start activities', true, 'filter-first')}
          {activities(draft.second, (second) => set({ second }), 'end activities', true, 'filter-second')}
          <select
            value={draft.trim}
            onChange={(e) => set({ trim: e.target.value as FilterDraft['trim'] })}
            aria-label="keep or trim"
            data-testid="filter-trim"
          >
            <option value="">keep cases that start / end so</option>
            <option value="longest">trim: first start to last end</option>
            <option value="first">trim: first start to the first end after it</option>
          </select>
        </>
      ) : null}
      {draft.kind === 'follower' ? (
        <>
          {activities(draft.first, (first) => set({ first }), 'A', false, 'filter-first')}
          <select
            value={draft.directly ? 'directly' : 'eventually'}
            onChange={(e) => set({ directly: e.target.value === 'directly' })}
            aria-label="how B follows"
            data-testid="filter-directly"
          >
            <option value="eventually">eventually followed by</option>
            <option value="directly">directly followed by</option>
          </select>
          {activities(draft.second, (second) => set({ second }), 'B', false, 'filter-second')}
          {text(draft.low, (low) => set({ low }), 'at least (hours)', 'filter-low', '', 4)}
          {text(draft.high, (high) => set({ high }), 'within (hours)', 'filter-high', '', 4)}
          <select
            value={draft.relation}
            onChange={(e) => set({ relation: e.target.value as FilterDraft['relation'] })}
            aria-label="attribute relation"
            data-testid="filter-relation"
          >
            <option value="">any values</option>
            <option value="same">same</option>
            <option value="different">different</option>
          </select>
          {draft.relation ? (
            <select
              value={draft.attribute}
              onChange={(e) => set({ attribute: e.target.value })}
              aria-label="attribute of the two events"
              data-testid="filter-attribute"
            >
              <option value="">attribute…</option>
              <option value="resource">resource</option>
              {o.eventAttributes.map((x) => (
                <option key={x.name} value={x.name}>
                  {x.name}
                </option>
              ))}
            </select>
          ) : null}
        </>
      ) : null}
      {draft.kind === 'timeRange' ? (
        <>
          <select
            value={draft.mode}
            onChange={(e) => set({ mode: e.target.value })}
            aria-label="timeframe mode"
            data-testid="filter-mode"
          >
            {TIME_MODES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <input
            type="datetime-local"
            value={draft.low}
            onChange={(e) => set({ low: e.target.value })}
            aria-label="from"
            data-testid="filter-low"
          />
          <input
            type="datetime-local"
            value={draft.high}
            onChange={(e) => set({ high: e.target.value })}
            aria-label="to"
            data-testid="filter-high"
          />
          {o.timeRange ? (
            <span className="muted small">
              log: {o.timeRange[0].slice(0, 10)} – {o.timeRange[1].slice(0, 10)}
            </span>
          ) : null}
        </>
      ) : null}
      {draft.kind === 'caseDuration' ? (
        <>
          {text(draft.low, (low) => set({ low }), 'min hours', 'filter-low')}
          {text(draft.high, (high) => set({ high }), 'max hours', 'filter-high')}
        </>
      ) : null}
      {draft.kind === 'performance' ? (
        <>
          <select
            value={draft.mode}
            onChange={(e) => set({ mode: e.target.value })}
            aria-label="measure"
            data-testid="filter-mode"
          >
            <option value="duration">case duration</option>
            <option value="events">events per case</option>
          </select>
          {text(draft.low, (low) => set({ low }), 'from P', 'filter-low', '0', 4)}
          {text(draft.high, (high) => set({ high }), 'to P', 'filter-high', '100', 4)}
        </>
      ) : null}
      {draft.kind === 'variantCoverage' ? (
        <>
          {text(draft.top, (top) => set({ top }), 'top variants', 'filter-top', 'e.g. 5', 4)}
          {text(draft.low, (low) => set({ low }), 'and / or covering % of cases', 'filter-low', 'e.g. 80', 4)}
        </>
      ) : null}
      {draft.kind === 'caseAttribute' || draft.kind === 'eventAttribute' ? (
        <>
          <select
            value={draft.attribute}
            onChange={(e) => set({ attribute: e.target.value, values: [] })}
            aria-label="attribute"
            data-testid="filter-attribute"
          >
            <option value="">attribute…</option>
            {attributes.map((x) => (
              <option key={x.name} value={x.name}>
                {x.name}
              </option>
            ))}
          </select>
          {chosen?.type === 'string' || chosen?.type === 'boolean' ? (
            <select
              multiple
              size={4}
              value={draft.values}
              onChange={(e) => set({ values: Array.from(e.target.selectedOptions, (x) => x.value) })}
              aria-label="values"
              data-testid="filter-values"
            >
              {chosen.values.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          ) : chosen ? (
            <>
              {text(
                draft.low,
                (low) => set({ low }),
                'min',
                'filter-low',
                chosen.type === 'date' ? 'YYYY-MM-DD' : '',
                10,
              )}
              {text(
                draft.high,
                (high) => set({ high }),
                'max',
                'filter-high',
                chosen.type === 'date' ? 'YYYY-MM-DD' : '',
                10,
              )}
            </>
          ) : null}
        </>
      ) : null}
      <label title="Keep the cases this filter drops instead">
        <input
          type="checkbox"
          checked={draft.negate}
          data-testid="filter-negate"
          onChange={(e) => set({ negate: e.target.checked })}
        />{' '}
        NOT
      </label>
      <button type="submit" className="small-button primary" disabled={!result.filter} data-testid="filter-add">
        Add
      </button>
      <button type="button" className="small-button" onClick={onDone} data-testid="filter-cancel">
        Cancel
      </button>
      {result.problem ? (
        <span className="muted small" data-testid="filter-problem">
          {result.problem}
        </span>
      ) : null}
    </form>
  );
}
