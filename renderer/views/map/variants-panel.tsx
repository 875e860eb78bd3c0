import { useState } from 'react';
import type { LogFilter, VariantInfo } from '../../../preload/api.ts';
import { useWorkbench } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { formatCount, formatDuration } from '../../components/format.ts';
import { useAsync } from '../../components/use-async.ts';
import { addFilter } from '../../app/filter-store.ts';

const SHOWN = 300;

/** Variants of the filtered log; select one or more and filter every view to them. */
export function VariantsPanel({ filters }: { filters: LogFilter[] }) {
  const { api, workspace, logVersion } = useWorkbench();
  const list = useAsync<VariantInfo[]>(() => api.variantList(workspace!.path, filters), [workspace?.path, logVersion, JSON.stringify(filters)]);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const key = (v: VariantInfo) => JSON.stringify(v.activities);
  const variants = list.value ?? [];
  const apply = () => {
    const chosen = variants.filter((v) => picked.has(key(v))).map((v) => v.activities);
    if (chosen.length) addFilter({ kind: 'variants', variants: chosen });
    setPicked(new Set());
  };
  return (
    <section className="map-panel" data-testid="variants-panel" aria-label="Variants">
      <div className="map-panel-head">
        <h2 className="plain-title">Variants {list.value ? `(${formatCount(variants.length)})` : ''}</h2>
        <button type="button" className="small-button primary" disabled={picked.size === 0} data-testid="filter-variants" onClick={apply}>
          Filter to {picked.size || ''} selected
        </button>
      </div>
      {list.error ? <ErrorPanel error={list.error} /> : null}
      <ol className="variant-list">
        {variants.slice(0, SHOWN).map((v, i) => (
          <li key={key(v)}>
            <label className="variant-row" title={v.activities.join(' → ')}>
              <input
                type="checkbox"
                data-testid={`variant-${i}`}
                checked={picked.has(key(v))}
                onChange={(e) => {
                  const next = new Set(picked);
                  if (e.target.checked) next.add(key(v));
                  else next.delete(key(v));
                  setPicked(next);
                }}
              />
              <span className="variant-rank">#{i + 1}</span>
              <span className="variant-figures">
                {formatCount(v.count)} cases · {(v.share * 100).toFixed(1)}% · {v.activities.length} steps · mean {formatDuration(v.meanDurationSeconds)}
              </span>
              <span className="variant-bar" style={{ width: `${Math.max(2, v.share * 100)}%` }} />
            </label>
          </li>
        ))}
      </ol>
      {variants.length > SHOWN ? <p className="muted small">{formatCount(variants.length - SHOWN)} rarer variants not listed.</p> : null}
    </section>
  );
}
