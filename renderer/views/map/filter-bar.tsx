import { useState } from 'react';
import type { FilterOptions, LogFilter } from '../../../preload/api.ts';
import { useWorkbench } from '../../app/workbench.ts';
import { useAsync } from '../../components/use-async.ts';
import { describeFilter } from './describe-filter.ts';
import { addFilter, removeFilter, setFilters, toggleNegate, useLogFilters } from '../../app/filter-store.ts';

/** The filters in force as chips: the explicit NOT button negates one, ✕ removes it. Shown on every view. */
export function FilterChips({ compact = false }: { compact?: boolean }) {
  const { workspace } = useWorkbench();
  const filters = useLogFilters(workspace?.path ?? '');
  if (!workspace || (compact && filters.length === 0)) return null;
  return (
    <div className={`filter-chips${compact ? ' filter-chips-compact' : ''}`} data-testid="filter-chips" aria-label="Filters in force">
      {filters.length === 0 ? <span className="muted small">No filters: all cases.</span> : null}
      {filters.map((f, i) => (
        <span key={i} className={`filter-chip${f.negate ? ' filter-chip-negated' : ''}`} data-testid="filter-chip">
          <span className="filter-chip-text" title={describeFilter(f)}>
            {describeFilter(f)}
          </span>
          <button
            type="button"
            className={`filter-chip-not${f.negate ? ' filter-chip-not-on' : ''}`}
            aria-pressed={!!f.negate}
            aria-label={f.negate ? `Keep the cases of ${describeFilter({ ...f, negate: false })} again` : `Negate ${describeFilter(f)}: keep the cases it drops`}
            title={f.negate ? 'Negated: keeps the cases the filter would drop. Click to keep its own cases again.' : 'Negate: keep the cases this filter drops instead'}
            data-testid="filter-chip-not"
            onClick={() => toggleNegate(i)}
          >
            NOT
          </button>
          <button type="button" className="filter-chip-remove" aria-label={`Remove filter ${describeFilter(f)}`} onClick={() => removeFilter(i)}>
            ✕
          </button>
        </span>
      ))}
      {filters.length > 1 ? (
        <button type="button" className="link-button small" onClick={() => setFilters([])}>
          Clear all
        </button>
      ) : null}
    </div>
  );
}

type Kind = LogFilter['kind'];
const KINDS: [Kind, string][] = [
  ['activities', 'Activity present / absent'],
  ['endpoints', 'Start / end activity'],
  ['follower', 'A followed by B'],
  ['timeRange', 'Time range'],
  ['caseDuration', 'Case duration'],
  ['caseAttribute', 'Case attribute'],
  ['eventAttribute', 'Event attribute'],
];

/** A small form that builds one filter of any kind from the log's own names and values. */
export function FilterEditor({ onDone }: { onDone(): void }) {
  const { api, workspace, logVersion } = useWorkbench();
  const options = useAsync<FilterOptions>(() => api.filterOptions(workspace!.path), [workspace?.path, logVersion]);
  const [kind, setKind] = useState<Kind>('activities');
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [mode, setMode] = useState('any');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [attribute, setAttribute] = useState('');
  const [values, setValues] = useState<string[]>([]);
  const [negate, setNegate] = useState(false);
  const o = options.value;
  if (!o) return <p className="muted small">Loading…</p>;
  const activitySelect = (value: string, set: (v: string) => void, label: string) => (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => set(e.target.value)}>
        <option value="">—</option>
        {o.activities.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
  const attributes = kind === 'caseAttribute' ? o.caseAttributes : o.eventAttributes;
  const chosen = attributes.find((x) => x.name === attribute);
  const build = (): LogFilter | null => {
    const hours = (text: string) => (text.trim() === '' ? undefined : Number(text) * 3600);
    switch (kind) {
      case 'activities':
        return a ? { kind, activities: [a], mode: mode as 'any' | 'none' } : null;
      case 'endpoints':
        return a || b ? { kind, ...(a ? { start: [a] } : {}), ...(b ? { end: [b] } : {}) } : null;
      case 'follower':
        return a && b ? { kind, from: a, to: b, ...(hours(from) !== undefined ? { withinSeconds: hours(from) } : {}) } : null;
      case 'timeRange':
        return from && to ? { kind, mode: mode as 'contained', from: new Date(from).toISOString(), to: new Date(to).toISOString() } : null;
      case 'caseDuration': {
        const min = hours(from);
        const max = hours(to);
        return min !== undefined || max !== undefined ? { kind, ...(min !== undefined ? { minSeconds: min } : {}), ...(max !== undefined ? { maxSeconds: max } : {}) } : null;
      }
      case 'caseAttribute':
      case 'eventAttribute':
        if (!chosen) return null;
        if (chosen.type === 'string') return values.length ? { kind, attribute, values } : null;
        return from || to ? { kind, attribute, ...(from ? { min: chosen.type === 'date' ? from : Number(from) } : {}), ...(to ? { max: chosen.type === 'date' ? to : Number(to) } : {}) } : null;
      default:
        return null;
    }
  };
  const filter = build();
  return (
    <div className="filter-editor" data-testid="filter-editor">
      <label>
        Filter{' '}
        <select
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as Kind);
            setMode(e.target.value === 'timeRange' ? 'intersecting' : 'any');
            setFrom('');
            setTo('');
          }}
        >
          {KINDS.map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {kind === 'activities' ? (
        <>
          <select value={mode} onChange={(e) => setMode(e.target.value)} aria-label="present or absent">
            <option value="any">present</option>
            <option value="none">absent</option>
          </select>
          {activitySelect(a, setA, 'activity')}
        </>
      ) : null}
      {kind === 'endpoints' ? (
        <>
          {activitySelect(a, setA, 'starts with')}
          {activitySelect(b, setB, 'ends with')}
        </>
      ) : null}
      {kind === 'follower' ? (
        <>
          {activitySelect(a, setA, 'A')}
          {activitySelect(b, setB, 'eventually followed by B')}
          <label>
            within hours <input type="text" size={5} value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
        </>
      ) : null}
      {kind === 'timeRange' ? (
        <>
          <select value={mode} onChange={(e) => setMode(e.target.value)} aria-label="how cases meet the range">
            <option value="intersecting">cases overlapping</option>
            <option value="contained">cases within</option>
            <option value="started">cases started in</option>
            <option value="completed">cases completed in</option>
          </select>
          <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} aria-label="from" />
          <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} aria-label="to" />
          {o.timeRange ? <span className="muted small">log: {o.timeRange[0].slice(0, 10)} – {o.timeRange[1].slice(0, 10)}</span> : null}
        </>
      ) : null}
      {kind === 'caseDuration' ? (
        <>
          <label>
            min hours <input type="text" size={6} value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            max hours <input type="text" size={6} value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
        </>
      ) : null}
      {kind === 'caseAttribute' || kind === 'eventAttribute' ? (
        <>
          <select
            value={attribute}
            onChange={(e) => {
              setAttribute(e.target.value);
              setValues([]);
            }}
            aria-label="attribute"
          >
            <option value="">attribute…</option>
            {attributes.map((x) => (
              <option key={x.name} value={x.name}>
                {x.name}
              </option>
            ))}
          </select>
          {chosen?.type === 'string' ? (
            <select multiple size={4} value={values} onChange={(e) => setValues(Array.from(e.target.selectedOptions, (x) => x.value))} aria-label="values">
              {chosen.values.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          ) : chosen ? (
            <>
              <input type="text" size={10} placeholder="min" value={from} onChange={(e) => setFrom(e.target.value)} />
              <input type="text" size={10} placeholder="max" value={to} onChange={(e) => setTo(e.target.value)} />
            </>
          ) : null}
        </>
      ) : null}
      <label title="Keep the cases this filter drops instead">
        <input type="checkbox" checked={negate} data-testid="filter-negate" onChange={(e) => setNegate(e.target.checked)} /> NOT
      </label>
      <button
        type="button"
        className="small-button primary"
        disabled={!filter}
        onClick={() => {
          if (filter) addFilter(negate ? { ...filter, negate: true } : filter);
          onDone();
        }}
      >
        Add
      </button>
      <button type="button" className="small-button" onClick={onDone}>
        Cancel
      </button>
    </div>
  );
}
