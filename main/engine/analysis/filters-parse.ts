import {
  ACTIVITIES_MODES,
  FOLLOWER_RELATIONS,
  ENDPOINT_TRIMS,
  CASE_PERFORMANCE_MEASURES,
  TIME_RANGE_MODES,
  type LogFilter,
} from '../../../preload/api.ts';
import { InputError } from '../errors.ts';

export const FILTER_KINDS = [
  'timeRange',
  'caseAttribute',
  'eventAttribute',
  'activities',
  'endpoints',
  'variants',
  'caseDuration',
  'follower',
  'cases',
  'variantCoverage',
  'performance',
] as const;

/**
 * Checks filters that arrive as JSON (CLI `--filter`, host requests) and returns them typed,
 * or throws an InputError that names the first problem.
 */
export function parseLogFilters(input: unknown, source = 'filter'): LogFilter[] {
  const list = Array.isArray(input) ? input : [input];
  return list.map((item, index) => {
    const where = list.length > 1 ? `${source} #${index + 1}` : source;
    const fail = (message: string): never => {
      throw new InputError(`${where}: ${message}`, {
        hint: 'A filter is a JSON object such as {"kind":"activities","activities":["Approve"],"mode":"any"}.',
      });
    };
    if (!item || typeof item !== 'object') fail('each filter must be a JSON object with a "kind".');
    const f = item as Record<string, unknown>;
    const oneOf = (values: readonly string[], v: unknown) => values.includes(v as string);
    const isStrings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
    const isNumberOrAbsent = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v));
    if (f.negate !== undefined && typeof f.negate !== 'boolean') fail('"negate" must be true or false.');
    switch (f.kind) {
      case 'timeRange':
        if (!oneOf(TIME_RANGE_MODES, f.mode)) fail(`"mode" must be ${TIME_RANGE_MODES.join(', ')}.`);
        if (f.mode === 'trim' && f.negate) fail('a time range that trims events cannot be negated.');
        if (typeof f.from !== 'string' || typeof f.to !== 'string') fail('"from" and "to" must be ISO 8601 dates.');
        break;
      case 'caseAttribute':
      case 'eventAttribute':
        if (typeof f.attribute !== 'string') fail('"attribute" must be the attribute name.');
        if (f.values !== undefined && !Array.isArray(f.values)) fail('"values" must be a list.');
        if (f.values === undefined && f.min === undefined && f.max === undefined) fail('give "values" or "min"/"max".');
        break;
      case 'activities':
        if (!isStrings(f.activities)) fail('"activities" must be a list of activity names.');
        if (!oneOf(ACTIVITIES_MODES, f.mode)) fail(`"mode" must be ${ACTIVITIES_MODES.join(', ')}.`);
        break;
      case 'endpoints':
        if (f.start !== undefined && !isStrings(f.start)) fail('"start" must be a list of activity names.');
        if (f.end !== undefined && !isStrings(f.end)) fail('"end" must be a list of activity names.');
        if (f.trim !== undefined && !oneOf(ENDPOINT_TRIMS, f.trim))
          fail(`"trim" must be ${ENDPOINT_TRIMS.join(' or ')}.`);
        if (f.trim !== undefined && f.negate) fail('endpoints that trim events cannot be negated.');
        break;
      case 'variants':
        if (!Array.isArray(f.variants) || !f.variants.every(isStrings))
          fail('"variants" must be a list of activity-name lists.');
        break;
      case 'caseDuration':
        if (!isNumberOrAbsent(f.minSeconds) || !isNumberOrAbsent(f.maxSeconds))
          fail('"minSeconds" and "maxSeconds" must be numbers.');
        break;
      case 'follower':
        if (typeof f.from !== 'string' || typeof f.to !== 'string') fail('"from" and "to" must be activity names.');
        if (!isNumberOrAbsent(f.withinSeconds)) fail('"withinSeconds" must be a number.');
        if (f.directly !== undefined && typeof f.directly !== 'boolean') fail('"directly" must be true or false.');
        if (!isNumberOrAbsent(f.minSeconds) || (f.minSeconds as number) < 0) fail('"minSeconds" must be a number ≥ 0.');
        if (typeof f.minSeconds === 'number' && typeof f.withinSeconds === 'number' && f.minSeconds > f.withinSeconds)
          fail('"minSeconds" must not exceed "withinSeconds".');
        if (f.attributeRelation !== undefined) {
          const r = f.attributeRelation as { attribute?: unknown; relation?: unknown } | null;
          if (typeof r?.attribute !== 'string' || !oneOf(FOLLOWER_RELATIONS, r.relation))
            fail('"attributeRelation" must be {"attribute": NAME, "relation": "same" or "different"}.');
        }
        break;
      case 'cases':
        if (!isStrings(f.caseIds)) fail('"caseIds" must be a list of case ids.');
        if (f.label !== undefined && typeof f.label !== 'string') fail('"label" must be text.');
        break;
      case 'variantCoverage':
        if (f.topVariants === undefined && f.coverage === undefined)
          fail('give "topVariants" (a count) or "coverage" (a share of cases, 0..1), or both.');
        if (f.topVariants !== undefined && !(Number.isInteger(f.topVariants) && (f.topVariants as number) >= 1))
          fail('"topVariants" must be a whole number ≥ 1.');
        if (f.coverage !== undefined && !(typeof f.coverage === 'number' && f.coverage > 0 && f.coverage <= 1))
          fail('"coverage" must be a share of cases above 0 and at most 1 (0.8 for 80%).');
        break;
      case 'performance': {
        if (!oneOf(CASE_PERFORMANCE_MEASURES, f.measure))
          fail(`"measure" must be ${CASE_PERFORMANCE_MEASURES.join(' or ')}.`);
        const percentile = (v: unknown) => v === undefined || (typeof v === 'number' && v >= 0 && v <= 100);
        if (!percentile(f.fromPercentile) || !percentile(f.toPercentile))
          fail('"fromPercentile" and "toPercentile" must be numbers from 0 to 100.');
        if (((f.fromPercentile as number | undefined) ?? 0) > ((f.toPercentile as number | undefined) ?? 100))
          fail('"fromPercentile" must not exceed "toPercentile".');
        break;
      }
      default:
        fail(`unknown kind "${String(f.kind)}"; use one of ${FILTER_KINDS.join(', ')}.`);
    }
    return f as LogFilter;
  });
}
