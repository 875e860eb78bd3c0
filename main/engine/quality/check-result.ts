import type { QualityCheck, QualityCheckKind, QualityExample, QualitySeverity } from '../../../preload/api.ts';
import type { EventLog } from '../eventlog/index.ts';

/** Examples shown per check: enough to recognise the pattern, few enough to read. */
export const EXAMPLE_LIMIT = 20;

/** Collects at most `limit` examples; checks keep counting after the list is full. */
export class ExampleList {
  readonly items: QualityExample[] = [];
  constructor(private readonly limit = EXAMPLE_LIMIT) {}
  get full(): boolean {
    return this.items.length >= this.limit;
  }
  add(example: QualityExample): void {
    if (this.items.length < this.limit) this.items.push(example);
  }
}

/** An example that points at one event: its case and its line in the source file. */
export function eventExample(log: EventLog, caseIndex: number, event: number, detail: string): QualityExample {
  return { caseId: log.caseIds[caseIndex], caseIndex, line: log.sourceRow[event], detail };
}

/**
 * An example that points at a whole case: its first line in the source file. Events are sorted
 * by time, so the earliest event is not always the first line (exports often list newest first).
 */
export function caseExample(log: EventLog, caseIndex: number, detail: string): QualityExample {
  let line = Infinity;
  for (let i = log.caseStart[caseIndex]; i < log.caseStart[caseIndex + 1]; i++)
    if (log.sourceRow[i] < line) line = log.sourceRow[i];
  return { caseId: log.caseIds[caseIndex], caseIndex, line, detail };
}

export function notApplicable(kind: QualityCheckKind, title: string, explanation: string, unit: string): QualityCheck {
  return { kind, title, severity: 'info', applicable: false, count: 0, unit, explanation, examples: [], fix: null };
}

/** Severity from how much of the log is affected: none → info, a little → warning, a lot → error. */
export function severityByShare(count: number, total: number, errorShare: number): QualitySeverity {
  if (count === 0) return 'info';
  return total > 0 && count / total >= errorShare ? 'error' : 'warning';
}

export function percent(part: number, whole: number): string {
  if (whole === 0) return '0%';
  const p = (100 * part) / whole;
  return `${p < 0.1 && p > 0 ? p.toPrecision(1) : p < 10 ? p.toFixed(1) : Math.round(p)}%`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export function isoTime(ms: number): string {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms);
}
