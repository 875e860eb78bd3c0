import { formatBytes, formatCount, formatTimeLeft, progressPercent } from '../../components/format.ts';
import { ProgressBar } from '../../components/progress-bar.tsx';

/** The latest progress of the running import, as the engine reported it and as the bar shows it. */
export interface ProgressState {
  phase: string;
  done: number;
  total: number;
  /** Share of the whole import (all phases, see import-fraction.ts), or null if unknown. */
  fraction: number | null;
  /** Seconds left for the whole import, or null until a rate can be measured. */
  secondsLeft: number | null;
}

/** The running import: phase, percent, time left, and the way out. */
export function ImportProgress({
  fileName,
  progress,
  onCancel,
  cancelling,
}: {
  fileName: string;
  progress: ProgressState | null;
  onCancel: () => void;
  cancelling: boolean;
}) {
  const fraction = progress?.fraction ?? null;
  const secondsLeft = progress?.secondsLeft ?? null;
  return (
    <section className="panel import-progress" data-testid="import-progress" aria-live="polite">
      <h2 className="plain-title">
        Importing <span data-testid="progress-file">{fileName}</span>
      </h2>
      <ProgressBar fraction={fraction} label="Import progress" />
      <div className="progress-facts">
        <span data-testid="progress-phase">{progress ? phaseLabel(progress.phase) : 'Starting…'}</span>
        <span data-testid="progress-percent">{fraction !== null ? `${progressPercent(fraction)}%` : ''}</span>
        <span data-testid="progress-amount">{progress ? amountLabel(progress) : ''}</span>
        <span data-testid="progress-eta">
          {fraction !== null && fraction >= 1
            ? 'finishing…'
            : secondsLeft !== null
              ? formatTimeLeft(secondsLeft)
              : 'estimating time left…'}
        </span>
      </div>
      <p className="muted small">
        The workspace changes only when the import succeeds; cancelling leaves it exactly as it was.
      </p>
      <button type="button" onClick={onCancel} disabled={cancelling} data-testid="cancel-import">
        {cancelling ? 'Cancelling…' : 'Cancel import'}
      </button>
    </section>
  );
}

/**
 * The engine's 'reading' phase counts bytes of the file (ImportPhase in main/engine/import);
 * other phases count steps or rows. A single-step phase has nothing worth counting.
 */
function amountLabel(progress: ProgressState): string {
  if (progress.total <= 1) return '';
  if (progress.phase === 'reading') return `${formatBytes(progress.done)} of ${formatBytes(progress.total)}`;
  return `${formatCount(progress.done)} of ${formatCount(progress.total)}`;
}

/** Phases come from the engine as short ids ("reading", "sorting", …); show them as words. */
function phaseLabel(phase: string): string {
  const text = phase.replace(/[-_]/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
