/**
 * Remaining time of a job from its measured rate. The rate is measured per phase, because
 * phases count different things (bytes read, events written) at different speeds.
 */
export interface ProgressSample {
  phase: string;
  done: number;
  total: number;
  /** Milliseconds, any monotonic clock. */
  at: number;
}

export interface EtaEstimator {
  /** Feeds one progress event; returns the estimate after it. */
  update(sample: ProgressSample): EtaEstimate;
}

export interface EtaEstimate {
  /** 0..1, or null when the total is unknown. */
  fraction: number | null;
  /** Seconds left in the current phase, or null until a rate can be measured. */
  secondsLeft: number | null;
  /** Units per second over the current phase. */
  rate: number | null;
}

/** Waits this long into a phase before trusting the rate; early rates are dominated by start-up. */
const MIN_ELAPSED_MS = 300;

export function createEtaEstimator(): EtaEstimator {
  let phase: string | null = null;
  let first: ProgressSample | null = null;

  return {
    update(sample) {
      if (sample.phase !== phase || first === null || sample.done < first.done) {
        phase = sample.phase;
        first = sample;
      }
      const fraction = sample.total > 0 ? Math.min(1, Math.max(0, sample.done / sample.total)) : null;
      const elapsed = sample.at - first.at;
      const progressed = sample.done - first.done;
      if (elapsed < MIN_ELAPSED_MS || progressed <= 0) return { fraction, secondsLeft: null, rate: null };
      const rate = progressed / (elapsed / 1000);
      const secondsLeft = sample.total > 0 ? Math.max(0, (sample.total - sample.done) / rate) : null;
      return { fraction, secondsLeft, rate };
    },
  };
}
