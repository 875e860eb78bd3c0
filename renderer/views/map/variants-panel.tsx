import { Fragment, memo, useCallback, useState } from 'react';
import type { LogFilter, VariantInfo } from '../../../preload/api.ts';
import { useWorkbench } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { ExportCsvButton } from '../../components/export-csv-button.tsx';
import { formatCount, formatDuration, plural } from '../../components/format.ts';
import { useAsync } from '../../components/use-async.ts';
import { useGrowingList } from '../../components/growing-list.ts';
import { addFilter } from '../../app/filter-store.ts';
import { shortStep as short } from './short-step.ts';

const SHOWN = 300;
/** Rows put in the page at first and per batch while scrolling: a few screens' worth. */
const FIRST_ROWS = 40;
/** Steps shown inline per variant; the rest are counted, and the whole sequence is in the tooltip. */
const INLINE_STEPS = 12;

/**
 * Variants of the filtered log with their activity sequence; select one or more and filter every
 * view to them. Each keeps its rank (#) from the unfiltered log, so "#4" stays the same variant
 * whatever the filters, and the filter chip names the variants by it.
 */
export const VariantsPanel = memo(function VariantsPanel({
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
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const variants = list.value ?? [];
  const shownKey = shown ? JSON.stringify(shown) : null;
  // The rows come in batches as the list scrolls: all of them at once held the window 150–240 ms.
  const rows = useGrowingList<HTMLParagraphElement>(Math.min(SHOWN, variants.length), FIRST_ROWS, list.value);
  const apply = () => {
    const chosen = variants.filter((v) => picked.has(key(v)));
    if (chosen.length)
      addFilter({ kind: 'variants', variants: chosen.map((v) => v.activities), ranks: chosen.map((v) => v.rank) });
    setPicked(new Set());
  };
  const onPick = useCallback(
    (variant: string, on: boolean) =>
      setPicked((before) => {
        const next = new Set(before);
        if (on) next.add(variant);
        else next.delete(variant);
        return next;
      }),
    [],
  );
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
        {variants.slice(0, rows.count).map((v, i) => (
          <VariantRow
            key={key(v)}
            variant={v}
            index={i}
            picked={picked.has(key(v))}
            shown={shownKey === key(v)}
            onPick={onPick}
            onShow={onShow}
          />
        ))}
      </ol>
      {rows.count < Math.min(SHOWN, variants.length) ? (
        <p className="muted small" ref={rows.end}>
          More variants as you scroll…
        </p>
      ) : null}
      {variants.length > SHOWN ? (
        <p className="muted small">{formatCount(variants.length - SHOWN)} rarer variants not listed.</p>
      ) : null}
    </section>
  );
});

const key = (v: VariantInfo) => JSON.stringify(v.activities);

/**
 * One variant: its figures and steps, a box to pick it and a button to draw it on the map.
 * Memoized, with callbacks that take the variant: a slider move or a tick re-renders the panel,
 * and re-rendering every row's ~50 elements each time cost up to 160 ms per input event.
 */
const VariantRow = memo(function VariantRow({
  variant: v,
  index: i,
  picked,
  shown,
  onPick,
  onShow,
}: {
  variant: VariantInfo;
  index: number;
  picked: boolean;
  shown: boolean;
  onPick(variant: string, on: boolean): void;
  onShow?(activities: string[] | null): void;
}) {
  return (
    <li>
      <label className="variant-row" title={v.activities.join(' → ')} data-testid="variant-row">
        <input
          type="checkbox"
          data-testid={`variant-${i}`}
          checked={picked}
          onChange={(e) => onPick(key(v), e.target.checked)}
        />
        <span className="variant-body">
          <span className="variant-figures">
            <span className="variant-rank" data-testid="variant-rank">
              #{v.rank}
            </span>{' '}
            {plural(v.count, 'case')} · {(v.share * 100).toFixed(1)}% · {plural(v.activities.length, 'step')} · mean{' '}
            {formatDuration(v.meanDurationSeconds)}
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
            aria-pressed={shown}
            title="Highlight this variant's path on the map"
            data-testid={`variant-show-${i}`}
            onClick={(e) => {
              e.preventDefault();
              onShow(shown ? null : v.activities);
            }}
          >
            {shown ? 'Shown' : 'Show'}
          </button>
        ) : null}
        <span className="variant-bar" style={{ width: `${Math.max(2, v.share * 100)}%` }} />
      </label>
    </li>
  );
});
