import type { QualityCheck } from '../../../preload/api.ts';
import type { EventLog } from '../eventlog/index.ts';
import { ExampleList, eventExample, percent, plural } from './check-result.ts';
import { CodeCounter } from './code-counter.ts';

export interface MissingHandoffsOptions {
  /** Cases in which A→X→B must occur before it counts as the usual path. */
  minPatternCount?: number;
  /** A direct A→B is suspicious only while it is at most this share of A→B and A→X→B together. */
  maxDirectShare?: number;
}

interface Pattern {
  from: number;
  via: number;
  to: number;
  through: number;
  direct: number;
}

/**
 * "Possible missing events": where the log almost always goes A→X→B, a case that goes A→B
 * directly probably lost its X (a step not logged, a system that did not export it). Counted
 * per direct A→B occurrence. Activity patterns only; resource handoffs are not inferred.
 */
export function missingHandoffs(log: EventLog, options: MissingHandoffsOptions = {}): QualityCheck {
  const minPattern = options.minPatternCount ?? 10;
  const maxDirect = options.maxDirectShare ?? 0.1;
  const A = log.activities.length;
  const pairs = new CodeCounter(A * A);
  const triples = new CodeCounter(A * A * A);
  const { caseStart, activity } = log;
  for (let c = 0; c < log.caseCount; c++) {
    const from = caseStart[c];
    const to = caseStart[c + 1];
    for (let i = from + 1; i < to; i++) {
      pairs.add(activity[i - 1] * A + activity[i]);
      if (i >= from + 2) triples.add((activity[i - 2] * A + activity[i - 1]) * A + activity[i]);
    }
  }
  // Best intermediate X for each (A, B).
  const best = new Map<number, { via: number; count: number }>();
  triples.forEach((key, count) => {
    const b = key % A;
    const x = Math.floor(key / A) % A;
    const a = Math.floor(key / (A * A));
    if (x === a || x === b) return;
    const pair = a * A + b;
    const current = best.get(pair);
    if (!current || count > current.count) best.set(pair, { via: x, count });
  });
  const patterns = new Map<number, Pattern>();
  for (const [pair, { via, count }] of best) {
    const direct = pairs.get(pair);
    if (direct === 0 || count < minPattern || direct > maxDirect * (direct + count)) continue;
    patterns.set(pair, { from: Math.floor(pair / A), via, to: pair % A, through: count, direct });
  }
  let count = 0;
  for (const p of patterns.values()) count += p.direct;

  const examples = new ExampleList();
  if (patterns.size > 0) {
    for (let c = 0; c < log.caseCount && !examples.full; c++) {
      for (let i = caseStart[c] + 1; i < caseStart[c + 1] && !examples.full; i++) {
        const p = patterns.get(activity[i - 1] * A + activity[i]);
        if (!p) continue;
        const name = (k: number) => `"${log.activities[k]}"`;
        examples.add(
          eventExample(
            log,
            c,
            i,
            `${name(p.from)} → ${name(p.to)} directly; usually ${name(p.from)} → ${name(p.via)} → ${name(p.to)}`,
          ),
        );
      }
    }
  }
  const sorted = [...patterns.values()].sort((x, y) => y.direct - x.direct);
  return {
    kind: 'missing_handoffs',
    title: 'Possible missing events',
    severity: count === 0 ? 'info' : 'warning',
    applicable: true,
    count,
    unit: 'places an event may be missing',
    explanation:
      count === 0
        ? 'No case skips a step that the log almost always has between two activities.'
        : `${plural(count, 'time')} a case goes straight from one activity to another where the log almost always has a step in between ` +
          `(${percent(count, log.eventCount)} of events). The step may have happened without being logged.`,
    examples: examples.items,
    breakdown: sorted.slice(0, 50).map((p) => ({
      label: `${log.activities[p.from]} → ${log.activities[p.via]} → ${log.activities[p.to]}`,
      count: p.direct,
      detail: `skipped ${p.direct} times, present ${p.through} times`,
    })),
    fix: null,
  };
}
