import type { QualityCheck } from '../../../preload/api.ts';
import type { EventLog } from '../eventlog/index.ts';
import { ExampleList, caseExample, percent, plural } from './check-result.ts';

export interface ManyTiesOptions {
  /** A case whose tied events reach this share of its events has an unreliable order. */
  caseTieShare?: number;
}

/**
 * Events that share their timestamp with the previous event of the same case. Their order
 * comes from the file alone, so directly-follows edges between them may be an artefact.
 * The count is of such events; cases where they reach `caseTieShare` are listed as examples.
 */
export function manyTies(log: EventLog, options: ManyTiesOptions = {}): QualityCheck {
  const caseShare = options.caseTieShare ?? 0.5;
  const { caseStart, timestamp } = log;
  let count = 0;
  let casesWithTies = 0;
  let unreliableCases = 0;
  const worst: { c: number; ties: number; events: number }[] = [];
  for (let c = 0; c < log.caseCount; c++) {
    let ties = 0;
    for (let i = caseStart[c] + 1; i < caseStart[c + 1]; i++) if (timestamp[i] === timestamp[i - 1]) ties++;
    if (ties === 0) continue;
    count += ties;
    casesWithTies++;
    const events = caseStart[c + 1] - caseStart[c];
    // A tie involves the event and its predecessor, hence ties + 1 events in the simplest case.
    if ((ties + 1) / events >= caseShare) {
      unreliableCases++;
      if (worst.length < 20) worst.push({ c, ties, events });
    }
  }
  const examples = new ExampleList();
  for (const w of worst)
    examples.add(
      caseExample(log, w.c, `${plural(w.ties, 'event')} of ${w.events} share the timestamp of the event before`),
    );
  const share = log.caseCount > 0 ? unreliableCases / log.caseCount : 0;
  return {
    kind: 'many_ties',
    title: 'Many ties within cases',
    severity: count === 0 ? 'info' : share >= 0.1 ? 'warning' : 'info',
    applicable: true,
    count,
    unit: 'tied events',
    explanation:
      count === 0
        ? 'No two consecutive events of a case share a timestamp.'
        : `${plural(count, 'event')} (${percent(count, log.eventCount)}) have the same timestamp as the event before them in ` +
          `${plural(casesWithTies, 'case')}; in ${plural(unreliableCases, 'case')} at least ${percent(caseShare, 1)} of events are tied, ` +
          'so their order (and the map edges between them) comes from the file, not from time.',
    examples: examples.items,
    breakdown: [
      { label: 'cases with ties', count: casesWithTies },
      { label: 'cases with an unreliable order', count: unreliableCases },
    ],
    fix: null,
  };
}
