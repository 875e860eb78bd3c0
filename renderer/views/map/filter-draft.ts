import type {
  CasePerformanceMeasure,
  EndpointTrim,
  FilterOptions,
  FollowerRelation,
  LogFilter,
  TimeRangeMode,
} from '../../../preload/api.ts';

/**
 * What the filter editor's form holds while the user fills it in, and how it becomes one
 * LogFilter. Kept apart from the form so every kind's rules (what is required, what a number
 * means, which values are out of range) are tested without a browser.
 */
export const EDITABLE_KINDS = [
  ['activities', 'Activity present / absent'],
  ['endpoints', 'Start / end activities'],
  ['follower', 'A followed by B'],
  ['timeRange', 'Timeframe'],
  ['caseDuration', 'Case duration'],
  ['performance', 'Performance (percentile)'],
  ['variantCoverage', 'Variant coverage'],
  ['caseAttribute', 'Case attribute'],
  ['eventAttribute', 'Event attribute'],
] as const satisfies readonly (readonly [LogFilter['kind'], string])[];

export type EditableKind = (typeof EDITABLE_KINDS)[number][0];

export interface FilterDraft {
  kind: EditableKind;
  /** Activities: the one for activities, follower A; endpoints' start activities. */
  first: string[];
  /** Follower B; endpoints' end activities. */
  second: string[];
  /** activities: any | none; timeRange: a TimeRangeMode; performance: a measure. */
  mode: string;
  /** Free text the kind reads as it needs: hours, percentiles, dates, numbers. */
  low: string;
  high: string;
  attribute: string;
  values: string[];
  /** Endpoints: '' keeps or drops whole cases, else how to trim them. */
  trim: '' | EndpointTrim;
  /** Follower: directly instead of eventually. */
  directly: boolean;
  /** Follower: '' for any, else the two events' relation on `attribute`. */
  relation: '' | FollowerRelation;
  /** Variant coverage: the top N variants (text, may be empty). */
  top: string;
  negate: boolean;
}

export function emptyDraft(kind: EditableKind = 'activities'): FilterDraft {
  return {
    kind,
    first: [],
    second: [],
    mode: kind === 'timeRange' ? 'intersecting' : kind === 'performance' ? 'duration' : 'any',
    low: '',
    high: '',
    attribute: '',
    values: [],
    trim: '',
    directly: false,
    relation: '',
    top: '',
    negate: false,
  };
}

/** Either the filter, or why the form cannot make one yet (shown beside the Add button). */
export type DraftResult = { filter: LogFilter; problem: null } | { filter: null; problem: string };

const fail = (problem: string): DraftResult => ({ filter: null, problem });

/** A number as people type it: "1.5", "1,5", " 2 ". Empty text is undefined; anything else unreadable is NaN. */
export function readNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) ? value : Number.NaN;
}

/** A date-time field (datetime-local, the window's zone) as ISO 8601 UTC, or null. */
function readMoment(text: string): string | null {
  if (!text) return null;
  const time = new Date(text).getTime();
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}

function hoursToSeconds(text: string, what: string): number | undefined | string {
  const hours = readNumber(text);
  if (hours === undefined) return undefined;
  if (Number.isNaN(hours) || hours < 0) return `${what} must be a number of hours of 0 or more.`;
  return hours * 3600;
}

export function buildFilter(draft: FilterDraft, options: FilterOptions): DraftResult {
  const result = build(draft, options);
  if (result.filter && draft.negate) {
    const trims =
      (result.filter.kind === 'timeRange' && result.filter.mode === 'trim') ||
      (result.filter.kind === 'endpoints' && result.filter.trim);
    if (trims) return fail('A filter that trims events cannot be negated.');
    return { filter: { ...result.filter, negate: true }, problem: null };
  }
  return result;
}

function build(d: FilterDraft, o: FilterOptions): DraftResult {
  switch (d.kind) {
    case 'activities':
      if (d.first.length === 0) return fail('Choose an activity.');
      return {
        filter: {
          kind: 'activities',
          activities: d.first,
          mode: d.mode === 'none' ? 'none' : d.mode === 'all' ? 'all' : 'any',
        },
        problem: null,
      };
    case 'endpoints':
      if (d.first.length === 0 && d.second.length === 0) return fail('Choose start or end activities.');
      return {
        filter: {
          kind: 'endpoints',
          ...(d.first.length ? { start: d.first } : {}),
          ...(d.second.length ? { end: d.second } : {}),
          ...(d.trim ? { trim: d.trim } : {}),
        },
        problem: null,
      };
    case 'follower': {
      const [from] = d.first;
      const [to] = d.second;
      if (!from || !to) return fail('Choose A and B.');
      const within = hoursToSeconds(d.high, 'Within');
      const atLeast = hoursToSeconds(d.low, 'At least');
      if (typeof within === 'string') return fail(within);
      if (typeof atLeast === 'string') return fail(atLeast);
      if (within !== undefined && atLeast !== undefined && atLeast > within)
        return fail('"At least" is longer than "within": no case could match.');
      if (d.relation && !d.attribute) return fail('Choose the attribute the two events share or differ in.');
      return {
        filter: {
          kind: 'follower',
          from,
          to,
          ...(d.directly ? { directly: true } : {}),
          ...(within !== undefined ? { withinSeconds: within } : {}),
          ...(atLeast !== undefined ? { minSeconds: atLeast } : {}),
          ...(d.relation ? { attributeRelation: { attribute: d.attribute, relation: d.relation } } : {}),
        },
        problem: null,
      };
    }
    case 'timeRange': {
      const from = readMoment(d.low);
      const to = readMoment(d.high);
      if (!from || !to) return fail('Give both ends of the timeframe.');
      if (from > to) return fail('The timeframe ends before it starts.');
      return { filter: { kind: 'timeRange', mode: d.mode as TimeRangeMode, from, to }, problem: null };
    }
    case 'caseDuration': {
      const min = hoursToSeconds(d.low, 'The minimum');
      const max = hoursToSeconds(d.high, 'The maximum');
      if (typeof min === 'string') return fail(min);
      if (typeof max === 'string') return fail(max);
      if (min === undefined && max === undefined) return fail('Give a minimum or a maximum duration.');
      if (min !== undefined && max !== undefined && min > max) return fail('The minimum is above the maximum.');
      return {
        filter: {
          kind: 'caseDuration',
          ...(min !== undefined ? { minSeconds: min } : {}),
          ...(max !== undefined ? { maxSeconds: max } : {}),
        },
        problem: null,
      };
    }
    case 'performance': {
      const from = readNumber(d.low) ?? 0;
      const to = readNumber(d.high) ?? 100;
      if (Number.isNaN(from) || Number.isNaN(to) || from < 0 || to > 100) return fail('Percentiles run from 0 to 100.');
      if (from > to) return fail('The lower percentile is above the upper one.');
      if (from === 0 && to === 100)
        return fail('P0 to P100 keeps every case: narrow it, e.g. 90 to 100 for the slowest tenth.');
      return {
        filter: {
          kind: 'performance',
          measure: d.mode as CasePerformanceMeasure,
          fromPercentile: from,
          toPercentile: to,
        },
        problem: null,
      };
    }
    case 'variantCoverage': {
      const top = readNumber(d.top);
      const coverage = readNumber(d.low);
      if (top === undefined && coverage === undefined)
        return fail('Give the number of top variants or the share of cases to cover.');
      if (top !== undefined && (Number.isNaN(top) || top < 1 || !Number.isInteger(top)))
        return fail('The number of variants is a whole number of 1 or more.');
      if (coverage !== undefined && (Number.isNaN(coverage) || coverage <= 0 || coverage > 100))
        return fail('The coverage is a share of cases above 0 and up to 100%.');
      return {
        filter: {
          kind: 'variantCoverage',
          ...(top !== undefined ? { topVariants: top } : {}),
          ...(coverage !== undefined ? { coverage: coverage / 100 } : {}),
        },
        problem: null,
      };
    }
    case 'caseAttribute':
    case 'eventAttribute': {
      const chosen = (d.kind === 'caseAttribute' ? o.caseAttributes : o.eventAttributes).find(
        (x) => x.name === d.attribute,
      );
      if (!chosen) return fail('Choose an attribute.');
      if (chosen.type === 'string' || chosen.type === 'boolean') {
        if (d.values.length === 0) return fail('Choose one or more values.');
        // A yes/no column is matched as numbers (true = 1) by the engine, so its values go as booleans.
        const values =
          chosen.type === 'boolean' ? d.values.map((v) => (v === 'true' ? true : v === 'false' ? false : v)) : d.values;
        return { filter: { kind: d.kind, attribute: d.attribute, values }, problem: null };
      }
      if (chosen.type === 'date') {
        if (!d.low && !d.high) return fail('Give a first or a last date.');
        return {
          filter: {
            kind: d.kind,
            attribute: d.attribute,
            ...(d.low ? { min: d.low } : {}),
            ...(d.high ? { max: d.high } : {}),
          },
          problem: null,
        };
      }
      const min = readNumber(d.low);
      const max = readNumber(d.high);
      if (Number.isNaN(min) || Number.isNaN(max)) return fail('The bounds must be numbers.');
      if (min === undefined && max === undefined) return fail('Give a minimum or a maximum.');
      return {
        filter: {
          kind: d.kind,
          attribute: d.attribute,
          ...(min !== undefined ? { min } : {}),
          ...(max !== undefined ? { max } : {}),
        },
        problem: null,
      };
    }
  }
}
