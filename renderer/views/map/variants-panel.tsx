import { Fragment, useState } from 'react';
import type { LogFilter, VariantInfo } from '../../../preload/api.ts';
import { useWorkbench } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { ExportCsvButton } from '../../components/export-csv-button.tsx';
import { formatCount, formatDuration, plural } from '../../components/format.ts';
import { useAsync } from '../../components/use-async.ts';
import { addFilter } from '../../app/filter-store.ts';
import { shortStep as short } from './short-step.ts';

const SHOWN = 300;
/** Steps shown inline per variant; the rest are counted, and the whole sequence is in the tooltip. */
const INLINE_STEPS = 12;

/**
 * Variants of the filtered log with their activity sequence; select one or more and filter every
 * view to them. Each keeps its rank (#) from the unfiltered log, so "#4" stays the same variant
 * whatever the filters, and the filter chip names the variants by it.
 */
export function VariantsPanel({
  filters,
  shown,
  onShow,
  note,
}: {
  filters: LogFilter[];
  /** The variant drawn on the map (its steps), if any. */
  shown?: readonly string[] | null;
  /** Highlight a variant's path on the map, or null to show the whole map again. */
  onShow?(activities: string[] | null): void;
  /** What the map says about the variant shown (steps the sliders hide). */
  note?: string | null;
}) {
  const { api, workspace, logVersion } = useWorkbench();
  const list = useAsync<VariantInfo[]>(
    () => api.variantList(workspace!.path, filters),
    [workspace?.path, logVersion, JSON.stringify(filters)],
  );
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const key = (v: VariantInfo) => JSON.stringify(v.activities);
  const variants = list.value ?? [];
  const shownKey = shown ? JSON.stringify(shown) : null;
  const apply = () => {
    const chosen = variants.filter((v) => picked.has(key(v)));
    if (chosen.length)
      addFilter({ kind: 'variants', variants: chosen.map((v) => v.activities), ranks: chosen.map((v) => v.rank) });
    setPicked(new Set());
  };
  return (
    <section className="map-panel" data-testid="variants-panel" aria-label="Variants">
      <div className="map-panel-head">
        <h2 className="plain-title">Variants {list.value ? `(${formatCount(variants.length)})` : ''}</h2>
        <button
          type="button"
          className="small-button primary"
          disabled={picked.size === 0}
          data-testid="filter-variants"
          onClick={apply}
        >
          Filter to {picked.size || ''} selected
        </button>
        <ExportCsvButton small label="CSV" testId="variants-export" request={{ table: 'variants', filters }} />
      </div>
      {list.error ? <ErrorPanel error={list.error} /> : null}
      {note ? (
        <p className="muted small variant-note" data-testid="variant-note">
          {note}
        </p>
      ) : null}
      <ol className="variant-list">
        {variants.slice(0, SHOWN).map((v, i) => (
          <li key={key(v)}>
            <label className="variant-row" title={v.activities.join(' → ')} data-testid="variant-row">
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
              <span className="variant-body">
                <span className="variant-figures">
                  <span className="variant-rank" data-testid="variant-rank">
                    #{v.rank}
                  </span>{' '}
                  {plural(v.count, 'case')} · {(v.share * 100).toFixed(1)}% · {plural(v.activities.length, 'step')} ·
                  mean {formatDuration(v.meanDurationSeconds)}
                </span>
                <span className="variant-steps" data-testid="variant-steps">
                  {v.activities.slice(0, INLINE_STEPS).map((a, k) => (
                    <Fragment key={k}>
                      {/* spaces around the arrow are where a long sequence wraps */}
                      {k > 0 ? (
                        <>
                          {' '}
                          <span className="variant-arrow">→</span>{' '}
                        </>
                      ) : null}
                      <span className="variant-step" title={a}>
                        {short(a)}
                      </span>
                    </Fragment>
                  ))}
                  {v.activities.length > INLINE_STEPS ? (
                    <span className="variant-more">+{v.activities.length - INLINE_STEPS} more</span>
                  ) : null}
                </span>
              </span>
              {onShow ? (
                <button
                  type="button"
                  className="small-button variant-show"
                  aria-pressed={shownKey === key(v)}
                  title="Highlight this variant's path on the map"
                  data-testid={`variant-show-${i}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onShow(shownKey === key(v) ? null : v.activities);
                  }}
                >
                  {shownKey === key(v) ? 'Shown' : 'Show'}
                </button>
              ) : null}
              <span className="variant-bar" style={{ width: `${Math.max(2, v.share * 100)}%` }} />
            </label>
          </li>
        ))}
      </ol>
      {variants.length > SHOWN ? (
        <p className="muted small">{formatCount(variants.length - SHOWN)} rarer variants not listed.</p>
      ) : null}
    </section>
  );
}
