import { attributeValue } from '../analysis/index.ts';
import type { EventLog } from '../eventlog/index.ts';
import { InputError } from '../errors.ts';
import { groupedKpiSummaries, type KpiSummary } from './kpi-summary.ts';
import type { MeasureBlock } from './measure-types.ts';
import type { PeriodGrid } from './periods.ts';
import type { UnitValues } from './unit-values.ts';

/** A measure split by a case attribute: one summary per value (region, channel, product, …). */
export interface SegmentSummary extends KpiSummary {
  segment: string;
}

export const MISSING_SEGMENT = '(missing)';
/** Beyond this many values the split is not a segmentation any more (an id, an amount); the rest are pooled. */
export const MAX_SEGMENTS = 50;
export const OTHER_SEGMENT = '(other values)';

/**
 * Each case's segment: the case attribute's value, or — for CSV logs where case-level columns
 * arrive as event columns — the value on the case's first event that has one.
 */
export function caseSegments(log: EventLog, attribute: string): { code: Int32Array; names: string[] } {
  const caseColumn = log.caseAttributes.find((c) => c.name === attribute);
  const eventColumn = caseColumn ? null : log.eventAttributes.find((c) => c.name === attribute);
  if (!caseColumn && !eventColumn) {
    const known = [...log.caseAttributes, ...log.eventAttributes].map((c) => c.name);
    throw new InputError(`Cannot split by "${attribute}": the log has no such attribute.`, {
      hint: known.length ? `Attributes: ${known.join(', ')}.` : 'This log has no attributes to split by.',
    });
  }
  const names: string[] = [];
  const index = new Map<string, number>();
  const code = new Int32Array(log.caseCount);
  for (let c = 0; c < log.caseCount; c++) {
    let value = caseColumn ? attributeValue(caseColumn, c) : null;
    if (eventColumn) {
      for (let i = log.caseStart[c]; i < log.caseStart[c + 1] && value === null; i++)
        value = attributeValue(eventColumn, i);
    }
    const name = value === null ? MISSING_SEGMENT : String(value);
    let k = index.get(name);
    if (k === undefined) {
      k = names.length;
      names.push(name);
      index.set(name, k);
    }
    code[c] = k;
  }
  return { code, names };
}

export function segmentSummaries(
  log: EventLog,
  attribute: string,
  block: MeasureBlock,
  units: UnitValues,
  grid: PeriodGrid,
): SegmentSummary[] {
  const { code, names } = caseSegments(log, attribute);
  const unitsOf = new Float64Array(names.length);
  for (let k = 0; k < units.caseIndex.length; k++) unitsOf[code[units.caseIndex[k]]]++;
  const order = names.map((_, s) => s).sort((a, b) => unitsOf[b] - unitsOf[a] || (names[a] < names[b] ? -1 : 1));
  const shown = order.slice(0, MAX_SEGMENTS);
  const pooled = order.length > MAX_SEGMENTS;
  // Segment → its row in the result: the first MAX_SEGMENTS by size, then one row for the rest.
  const row = new Int32Array(names.length).fill(MAX_SEGMENTS);
  shown.forEach((s, r) => (row[s] = r));
  const groupOf = new Int32Array(units.caseIndex.length);
  for (let k = 0; k < groupOf.length; k++) groupOf[k] = row[code[units.caseIndex[k]]];
  const summaries = groupedKpiSummaries(
    block,
    units.value,
    grid.periodOf,
    grid,
    groupOf,
    shown.length + (pooled ? 1 : 0),
  );
  const out: SegmentSummary[] = shown.map((s, r) => ({ segment: names[s], ...summaries[r] }));
  if (pooled) out.push({ segment: OTHER_SEGMENT, ...summaries[MAX_SEGMENTS] });
  return out;
}
