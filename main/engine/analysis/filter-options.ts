import type { FilterOptions } from '../../../preload/api.ts';
import type { AttributeColumn, EventLog } from '../eventlog/event-log.ts';

/** Distinct text values offered per attribute; more would not fit a picker anyway. */
const VALUES_LISTED = 200;

/** What the filter editor can offer: activity names, attributes with values, the time range. */
export function filterOptions(log: EventLog): FilterOptions {
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < log.eventCount; i++) {
    const t = log.timestamp[i];
    if (t < first) first = t;
    if (t > last) last = t;
  }
  const describe = (column: AttributeColumn) => ({
    name: column.name,
    type: column.type,
    values: column.type === 'string' ? [...column.dictionary].sort().slice(0, VALUES_LISTED) : [],
  });
  const eventAttributes = log.eventAttributes.map(describe);
  if (log.resources.length && !eventAttributes.some((a) => a.name === 'resource')) {
    eventAttributes.unshift({ name: 'resource', type: 'string', values: [...log.resources].sort().slice(0, VALUES_LISTED) });
  }
  return {
    activities: [...log.activities].sort(),
    timeRange: log.eventCount ? [new Date(first).toISOString(), new Date(last).toISOString()] : null,
    caseAttributes: log.caseAttributes.map(describe),
    eventAttributes,
  };
}
