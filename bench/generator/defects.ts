import { Random } from './random.ts';
import { type SimulatedCase } from './order-to-cash.ts';
import { formatTimestamp, type OutputRow } from './rows.ts';

/**
 * Dirty mode: injects the defects the data-quality checks (issue 4) look for, each at a counted
 * number. A case receives at most one defect and anomalous cases none, so the kinds do not
 * overlap and each count is exactly what a correct check should find:
 *
 * - missing_values: one cell emptied (resource, amount or region) — count = cells.
 * - duplicate_events: one middle event written twice in a row — count = extra rows.
 * - inconsistent_labels: one middle event relabelled with a case/whitespace/typo variant —
 *   count = events carrying a variant label (distinct variants are listed with their canonical label).
 * - unparseable_timestamps: one middle event's timestamp replaced by text no parser accepts —
 *   count = rows (an importer sets these rows aside).
 * - future_timestamps: the last event moved 79 years later (2099 or after) — count = events.
 *   Only the last event, so file order and time order still agree in that case.
 * - order_conflicts: two adjacent middle events swapped in the file — count = events whose
 *   timestamp is earlier than the one before it in the file (one per affected case).
 * - incomplete_cases: the first event (start) or the last event (end) left out — count = cases.
 *
 * The defect stream has its own random source, so a dirty log is the clean log plus defects.
 */

export const DEFECT_KINDS = [
  'missing_values',
  'duplicate_events',
  'inconsistent_labels',
  'unparseable_timestamps',
  'future_timestamps',
  'order_conflicts',
  'incomplete_cases',
] as const;
export type DefectKind = (typeof DEFECT_KINDS)[number];

/** Share of (non-anomalous) cases that receive each defect. */
export const DEFECT_RATES: Readonly<Record<DefectKind, number>> = {
  missing_values: 0.02,
  duplicate_events: 0.01,
  inconsistent_labels: 0.01,
  unparseable_timestamps: 0.01,
  future_timestamps: 0.01,
  order_conflicts: 0.01,
  incomplete_cases: 0.01,
};

export const LABEL_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  'Check Credit': ['check credit', 'Check  Credit', 'Check Credti'],
  'Approve Order': ['approve order ', 'APPROVE ORDER', 'Approve Ordr'],
  'Send Invoice': [' Send Invoice', 'send invoice', 'Send Invoce'],
  'Dispatch Shipment': ['Dispatch shipment', 'Dispatch Shipment ', 'Dispatch Shipmnet'],
};

export const UNPARSEABLE_TIMESTAMPS = [
  'not a date',
  '2022-13-45T25:61:00',
  '31/31/2022 99:99',
  '##########',
  'yesterday',
  'TBD',
];
export const FUTURE_YEAR = 2099;
const FUTURE_SHIFT_MS = Date.UTC(FUTURE_YEAR, 0, 1) - Date.UTC(2020, 0, 1);

export const MISSING_COLUMNS = ['org:resource', 'amount', 'region'] as const;
type MissingColumn = (typeof MISSING_COLUMNS)[number];
const FIELD_OF: Record<MissingColumn, 'resource' | 'amount' | 'region'> = {
  'org:resource': 'resource',
  amount: 'amount',
  region: 'region',
};

export interface DirtyTruth {
  /** Injected count per check kind of issue 4. */
  injected: Record<DefectKind, number>;
  /** The cases that received each defect, in file order. */
  cases: Record<DefectKind, string[]>;
  details: {
    missingValuesByColumn: Record<MissingColumn, number>;
    labelMergeMap: Record<string, string>;
    labelEventsByVariant: Record<string, number>;
    unparseableTimestampTexts: string[];
    futureYear: number;
    incompleteMissingStart: number;
    incompleteMissingEnd: number;
    rates: Record<DefectKind, number>;
  };
}

export class DefectInjector {
  private readonly random: Random;
  private readonly injected = Object.fromEntries(DEFECT_KINDS.map((k) => [k, 0])) as Record<DefectKind, number>;
  private readonly cases = Object.fromEntries(DEFECT_KINDS.map((k) => [k, [] as string[]])) as Record<
    DefectKind,
    string[]
  >;
  private readonly missingByColumn: Record<MissingColumn, number> = { 'org:resource': 0, amount: 0, region: 0 };
  private readonly labelEvents = new Map<string, number>();
  private missingStart = 0;
  private missingEnd = 0;

  constructor(seed: number) {
    this.random = new Random(seed ^ 0x5eed_d1e7);
  }

  /** Changes the rows of one case in place (they are in file order). */
  inject(c: SimulatedCase, rows: OutputRow[]): void {
    const kind = this.drawKind();
    if (kind === null || c.anomaly !== null) return;
    const r = this.random;
    const n = rows.length;
    const middle = 1 + r.int(n - 2);
    switch (kind) {
      case 'missing_values': {
        const column = r.pick(MISSING_COLUMNS);
        rows[r.int(n)][FIELD_OF[column]] = '';
        this.missingByColumn[column]++;
        break;
      }
      case 'duplicate_events':
        rows.splice(middle + 1, 0, { ...rows[middle] });
        break;
      case 'inconsistent_labels': {
        const candidates: number[] = [];
        for (let i = 1; i < n - 1; i++) if (LABEL_VARIANTS[rows[i].activity]) candidates.push(i);
        const at = r.pick(candidates);
        const variant = r.pick(LABEL_VARIANTS[rows[at].activity]);
        rows[at].activity = variant;
        this.labelEvents.set(variant, (this.labelEvents.get(variant) ?? 0) + 1);
        break;
      }
      case 'unparseable_timestamps':
        rows[middle].timestamp = r.pick(UNPARSEABLE_TIMESTAMPS);
        break;
      case 'future_timestamps':
        rows[n - 1].timestamp = formatTimestamp(
          c.times[n - 1] + FUTURE_SHIFT_MS,
          c.region.offsetMinutes,
          c.region.offset,
        );
        rows[n - 1].start = formatTimestamp(c.starts[n - 1] + FUTURE_SHIFT_MS, c.region.offsetMinutes, c.region.offset);
        break;
      case 'order_conflicts': {
        const at = 1 + r.int(n - 3);
        [rows[at], rows[at + 1]] = [rows[at + 1], rows[at]];
        break;
      }
      case 'incomplete_cases':
        if (r.chance(0.5)) {
          rows.shift();
          this.missingStart++;
        } else {
          rows.pop();
          this.missingEnd++;
        }
        break;
    }
    this.injected[kind]++;
    this.cases[kind].push(c.id);
  }

  finish(): DirtyTruth {
    const labelMergeMap: Record<string, string> = {};
    for (const [canonical, variants] of Object.entries(LABEL_VARIANTS))
      for (const v of variants) if (this.labelEvents.has(v)) labelMergeMap[v] = canonical;
    return {
      injected: { ...this.injected },
      cases: this.cases,
      details: {
        missingValuesByColumn: { ...this.missingByColumn },
        labelMergeMap,
        labelEventsByVariant: Object.fromEntries(this.labelEvents),
        unparseableTimestampTexts: [...UNPARSEABLE_TIMESTAMPS],
        futureYear: FUTURE_YEAR,
        incompleteMissingStart: this.missingStart,
        incompleteMissingEnd: this.missingEnd,
        rates: { ...DEFECT_RATES },
      },
    };
  }

  private drawKind(): DefectKind | null {
    // Drawn for every case (anomalous ones too) so the defect stream does not depend on anomalies.
    let u = this.random.next();
    for (const kind of DEFECT_KINDS) {
      u -= DEFECT_RATES[kind];
      if (u < 0) return kind;
    }
    return null;
  }
}
