import { formatCount, formatPercent } from './format.ts';
import { hasHiddenSpacing, visibleLabel } from './visible-label.ts';

/** Ranked labels with horizontal bars: readable for long activity names, unlike axis ticks. */
export function BarList({
  items,
  total,
  testId,
}: {
  items: { label: string; count: number }[];
  total: number;
  testId?: string;
}) {
  const max = Math.max(1, ...items.map((item) => item.count));
  return (
    <ol className="bar-list" data-testid={testId}>
      {items.map((item, index) => (
        <li key={`${index}:${item.label}`} className="bar-row">
          <span
            className="bar-label"
            title={hasHiddenSpacing(item.label) ? `"${item.label}" (␣ marks spacing that would not show)` : item.label}
          >
            {visibleLabel(item.label)}
          </span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${(item.count / max) * 100}%` }} />
          </span>
          <span className="bar-value">{formatCount(item.count)}</span>
          <span className="bar-share">{total > 0 ? formatPercent(item.count / total) : ''}</span>
        </li>
      ))}
    </ol>
  );
}
