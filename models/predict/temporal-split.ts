import type { EventLog } from '../../main/engine/eventlog/index.ts';
import { InputError } from '../../main/engine/errors.ts';

/**
 * The split of the predictive-monitoring benchmarks (Teinemaa et al. 2019, Verenich et al.
 * 2019): cases ordered by their start, the first `trainingShare` for training, the rest for
 * testing. `splitAt` is the start of the first test case; training prefixes at or after it are
 * dropped so that no training row has seen the test period.
 */
export interface TemporalSplit {
  training: Int32Array;
  test: Int32Array;
  splitAt: number;
}

export function temporalSplit(log: EventLog, cases: Int32Array, trainingShare = 0.8): TemporalSplit {
  const ordered = Int32Array.from(cases).sort(
    (a, b) => log.timestamp[log.caseStart[a]] - log.timestamp[log.caseStart[b]] || a - b,
  );
  const cut = Math.floor(trainingShare * ordered.length);
  if (cut < 2 || cut >= ordered.length) {
    throw new InputError(`Too few completed cases to train and test a prediction model: ${ordered.length}.`, {
      hint: 'A model needs at least a few dozen completed cases; import a longer period or check the end activities.',
    });
  }
  return {
    training: ordered.slice(0, cut),
    test: ordered.slice(cut),
    splitAt: log.timestamp[log.caseStart[ordered[cut]]],
  };
}

/** Case indices whose flag is set, in index order. */
export function casesWhere(flags: Uint8Array, value = 1): Int32Array {
  let n = 0;
  for (let c = 0; c < flags.length; c++) if (flags[c] === value) n++;
  const out = new Int32Array(n);
  for (let c = 0, k = 0; c < flags.length; c++) if (flags[c] === value) out[k++] = c;
  return out;
}
