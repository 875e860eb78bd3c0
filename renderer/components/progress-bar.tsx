import { progressPercent } from './format.ts';

/**
 * A determinate bar when the fraction is known, an indeterminate one otherwise. The width is the
 * same whole percent as the text shown beside it (progressPercent), and it jumps rather than
 * animates: a width transition lagged up to a fifth of the bar behind the figure on fast jobs.
 */
export function ProgressBar({ fraction, label }: { fraction: number | null; label: string }) {
  const percent = fraction === null ? undefined : progressPercent(fraction);
  return (
    <div
      className={`progress${fraction === null ? ' progress-indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      data-testid="progress-bar"
    >
      <div className="progress-fill" style={{ width: percent === undefined ? undefined : `${percent}%` }} />
    </div>
  );
}
