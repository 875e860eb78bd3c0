import type { LogFilter } from '../../../preload/api.ts';

const list = (values: readonly unknown[], max = 3) =>
  values.length <= max
    ? values.map((v) => (v === null ? '(missing)' : String(v))).join(', ')
    : `${values.slice(0, max).join(', ')} +${values.length - max}`;

const day = (iso: string) => iso.slice(0, 16).replace('T', ' ');

function seconds(s: number): string {
  if (s >= 86400) return `${+(s / 86400).toFixed(1)} d`;
  if (s >= 3600) return `${+(s / 3600).toFixed(1)} h`;
  if (s >= 60) return `${+(s / 60).toFixed(1)} min`;
  return `${s} s`;
}

function range(min: unknown, max: unknown): string {
  if (min !== undefined && max !== undefined) return `${min} … ${max}`;
  if (min !== undefined) return `≥ ${min}`;
  return `≤ ${max}`;
}

/** The text of a filter chip, in the user's words. */
export function describeFilter(filter: LogFilter): string {
  const text = ((): string => {
    switch (filter.kind) {
      case 'timeRange': {
        if (filter.mode === 'trim') return `Events trimmed to ${day(filter.from)} – ${day(filter.to)}`;
        const how = {
          contained: 'within',
          intersecting: 'overlapping',
          started: 'started in',
          completed: 'completed in',
        }[filter.mode];
        return `Cases ${how} ${day(filter.from)} – ${day(filter.to)}`;
      }
      case 'caseAttribute':
        return `${filter.attribute}: ${filter.values ? list(filter.values) : range(filter.min, filter.max)}`;
      case 'eventAttribute':
        return `Some event with ${filter.attribute}: ${filter.values ? list(filter.values) : range(filter.min, filter.max)}`;
      case 'activities':
        return `${{ any: 'With any of', all: 'With all of', none: 'Without' }[filter.mode]} ${list(filter.activities)}`;
      case 'endpoints':
        if (filter.trim)
          return `Trimmed (${filter.trim}) from ${filter.start ? list(filter.start) : 'the start'} to ${filter.end ? list(filter.end) : 'the end'}`;
        return (
          [filter.start ? `Starts with ${list(filter.start)}` : '', filter.end ? `Ends with ${list(filter.end)}` : '']
            .filter(Boolean)
            .join(', ') || 'Any endpoints'
        );
      case 'variants':
        if (filter.ranks?.length === filter.variants.length) {
          const ranks = [...filter.ranks].sort((a, b) => a - b).map((r) => `#${r}`);
          return `${ranks.length === 1 ? 'Variant' : 'Variants'} ${list(ranks, 4)}`;
        }
        return filter.variants.length === 1
          ? `Variant of ${filter.variants[0]!.length === 1 ? '1 step' : `${filter.variants[0]!.length} steps`}`
          : `${filter.variants.length} variants`;
      case 'caseDuration':
        return `Case duration ${range(filter.minSeconds === undefined ? undefined : seconds(filter.minSeconds), filter.maxSeconds === undefined ? undefined : seconds(filter.maxSeconds))}`;
      case 'follower':
        return `${filter.from} ${filter.directly ? 'directly ' : 'eventually '}followed by ${filter.to}${filter.withinSeconds !== undefined ? ` within ${seconds(filter.withinSeconds)}` : ''}${filter.minSeconds !== undefined ? ` after at least ${seconds(filter.minSeconds)}` : ''}${filter.attributeRelation ? `, ${filter.attributeRelation.relation} ${filter.attributeRelation.attribute}` : ''}`;
      case 'variantCoverage':
        return [
          filter.topVariants !== undefined ? `Top ${filter.topVariants} variants` : '',
          filter.coverage !== undefined ? `Variants covering ${+(filter.coverage * 100).toFixed(1)}% of cases` : '',
        ]
          .filter(Boolean)
          .join(', ');
      case 'performance':
        return `Case ${filter.measure === 'events' ? 'events' : 'duration'} between P${filter.fromPercentile ?? 0} and P${filter.toPercentile ?? 100}`;
      case 'cases': {
        const count = `${filter.caseIds.length} case${filter.caseIds.length === 1 ? '' : 's'}`;
        return filter.label
          ? `${filter.label} (${count})`
          : filter.caseIds.length <= 3
            ? `Cases ${list(filter.caseIds)}`
            : count;
      }
    }
  })();
  return filter.negate ? `NOT (${text})` : text;
}
