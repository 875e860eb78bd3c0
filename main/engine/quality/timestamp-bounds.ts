import type { EventLog } from '../eventlog/index.ts';
import { quantileSorted, sortedSample } from './robust-statistics.ts';
import type { QualityCheck, QualityExample } from '../../../preload/api.ts';
import { ExampleList, eventExample, isoTime, severityByShare } from './check-result.ts';

const YEAR_MS = 365.25 * 86_400_000;

/** Before this, a timestamp in a business log is a default value (1900, 1970) rather than a date. */
export const EARLIEST_PLAUSIBLE = Date.UTC(1990, 0, 1);

export interface TimestampBoundsOptions {
  /** Epoch ms; events before it are implausibly old. Inferred when absent. */
  notBefore?: number;
  /** Epoch ms; events after it are in the future. Defaults to `now`. */
  notAfter?: number;
  now?: number;
  /** Years before the log's 1st percentile that still count as plausible when inferring. */
  yearsBeforeBulk?: number;
}

/**
 * The plausible time window of a log. The lower bound is the later of 1990 and a few years
 * before the bulk of the log (its 1st percentile), so both epoch-zero defaults and typos in
 * the year (2012 for 2021) fall outside.
 */
export function timestampBounds(
  log: EventLog,
  options: TimestampBoundsOptions = {},
): { notBefore: number; notAfter: number } {
  const notAfter = options.notAfter ?? options.now ?? Date.now();
  if (options.notBefore !== undefined) return { notBefore: options.notBefore, notAfter };
  const sample = sortedSample(log.timestamp);
  const bulk = sample.length > 0 ? quantileSorted(sample, 0.01) : EARLIEST_PLAUSIBLE;
  const notBefore = Math.max(EARLIEST_PLAUSIBLE, bulk - (options.yearsBeforeBulk ?? 5) * YEAR_MS);
  return { notBefore, notAfter };
}

/** Events whose timestamp is out of bounds, counted, with the first few as examples. */
export function eventsOutOfBounds(
  log: EventLog,
  outOfBounds: (timestamp: number) => boolean,
): { count: number; examples: QualityExample[] } {
  const examples = new ExampleList();
  let count = 0;
  for (let c = 0; c < log.caseCount; c++) {
    for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++) {
      if (!outOfBounds(log.timestamp[i])) continue;
      count++;
      if (!examples.full)
        examples.add(eventExample(log, c, i, `"${log.activities[log.activity[i]]}" at ${isoTime(log.timestamp[i])}`));
    }
  }
  return { count, examples: examples.items };
}

/** What one bound's check says: its kind and title, its words with and without events past it, and its fix. */
export interface OutOfBoundsWords {
  kind: 'future_timestamps' | 'old_timestamps';
  title: string;
  none: string;
  found: string;
  fix: string;
  params: { notBefore: string | null; notAfter: string | null };
}

/** The check both bounds report: the events past one bound (an error above 1 %), and the fix that excludes them. */
export function outOfBoundsCheck(
  log: EventLog,
  found: { count: number; examples: QualityExample[] },
  words: OutOfBoundsWords,
): QualityCheck {
  const { count, examples } = found;
  return {
    kind: words.kind,
    title: words.title,
    severity: severityByShare(count, log.eventCount, 0.01),
    applicable: true,
    count,
    unit: 'events',
    explanation: count === 0 ? words.none : words.found,
    examples,
    fix: count === 0 ? null : { kind: 'exclude_bad_timestamps', description: words.fix, params: words.params },
  };
}
