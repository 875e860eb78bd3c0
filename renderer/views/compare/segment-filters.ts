import type { FilterOptions, LogFilter, Segment } from '../../../preload/api.ts';

/** How two segments are cut: cases started before/after a moment, or an attribute's value A vs B. */
export type SegmentChoice =
  | { kind: 'date'; at: string }
  | { kind: 'attribute'; level: 'case' | 'event'; attribute: string; valueA: string; valueB: string };

/**
 * The two segments' filters. Before/after: cases that started before `at` and those that started
 * at or after it, within the log's own time range (the filter's ends are inclusive, so "before"
 * ends a millisecond earlier). Attribute: the cases with the value (an event attribute: at least
 * one event with it, as the filter editor means it).
 */
export function segmentsOf(
  choice: SegmentChoice,
  timeRange: FilterOptions['timeRange'],
): { a: Segment; b: Segment } | null {
  if (choice.kind === 'date') {
    const at = Date.parse(choice.at);
    if (!timeRange || Number.isNaN(at)) return null;
    const [first, last] = timeRange;
    const started = (from: string, to: string): LogFilter[] => [{ kind: 'timeRange', mode: 'started', from, to }];
    const day = `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    return {
      a: { label: `started before ${day}`, filters: started(first, new Date(at - 1).toISOString()) },
      b: { label: `started from ${day}`, filters: started(new Date(at).toISOString(), last) },
    };
  }
  if (!choice.attribute || !choice.valueA || !choice.valueB) return null;
  const kind = choice.level === 'case' ? 'caseAttribute' : 'eventAttribute';
  const of = (value: string): Segment => ({
    label: `${choice.attribute} = ${value}`,
    filters: [{ kind, attribute: choice.attribute, values: [value] }],
  });
  return { a: of(choice.valueA), b: of(choice.valueB) };
}
