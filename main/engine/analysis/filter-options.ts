import type { FilterOptions } from '../../../preload/api.ts';
import type { AttributeColumn, EventLog, StringAttributeColumn } from '../eventlog/index.ts';

/** Distinct text values offered per attribute; more would not fit a picker anyway. */
const VALUES_LISTED = 200;

/**
 * What the filter editor can offer: activity names, attributes with values, the time range.
 * Only values that occur are offered. Dictionaries can hold more: a fix that drops or merges
 * events keeps the import's dictionaries, and a filter on a value no event has would keep nothing.
 */
export function filterOptions(log: EventLog): FilterOptions {
  let first = Infinity;
  let last = -Infinity;
  const usedActivities = new Uint8Array(log.activities.length);
  const usedResources = new Uint8Array(log.resources.length);
  const textEventColumns = log.eventAttributes.filter((c): c is StringAttributeColumn => c.type === 'string');
  const usedEventCodes = textEventColumns.map((c) => new Uint8Array(c.dictionary.length));
  // One pass over the events marks every code in use.
  for (let i = 0; i < log.eventCount; i++) {
    const t = log.timestamp[i];
    if (t < first) first = t;
    if (t > last) last = t;
    usedActivities[log.activity[i]] = 1;
    const r = log.resource[i];
    if (r >= 0) usedResources[r] = 1;
    for (let k = 0; k < textEventColumns.length; k++) {
      const code = textEventColumns[k].codes[i];
      if (code >= 0) usedEventCodes[k][code] = 1;
    }
  }
  const usedCaseCodes = (column: StringAttributeColumn) => {
    const used = new Uint8Array(column.dictionary.length);
    for (let c = 0; c < log.caseCount; c++) if (column.codes[c] >= 0) used[column.codes[c]] = 1;
    return used;
  };
  const describe = (column: AttributeColumn, used: () => Uint8Array) => ({
    name: column.name,
    type: column.type,
    values: column.type === 'string' ? inUse(column.dictionary, used()).slice(0, VALUES_LISTED) : [],
  });
  const eventAttributes = log.eventAttributes.map((column) =>
    describe(column, () => usedEventCodes[textEventColumns.indexOf(column as StringAttributeColumn)]),
  );
  const resources = inUse(log.resources, usedResources);
  if (resources.length && !eventAttributes.some((a) => a.name === 'resource')) {
    eventAttributes.unshift({ name: 'resource', type: 'string', values: resources.slice(0, VALUES_LISTED) });
  }
  return {
    activities: inUse(log.activities, usedActivities),
    timeRange: log.eventCount ? [new Date(first).toISOString(), new Date(last).toISOString()] : null,
    caseAttributes: log.caseAttributes.map((column) =>
      describe(column, () => (column.type === 'string' ? usedCaseCodes(column) : new Uint8Array(0))),
    ),
    eventAttributes,
  };
}

/** The dictionary entries marked as used, sorted. */
function inUse(dictionary: readonly string[], used: Uint8Array): string[] {
  const out: string[] = [];
  for (let code = 0; code < dictionary.length; code++) if (used[code] === 1) out.push(dictionary[code]);
  return out.sort();
}
