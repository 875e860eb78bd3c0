import type { AttributeColumn, EventLog } from '../../../main/engine/eventlog/index.ts';

/**
 * What a prefix model needs to turn any log's running cases into the same feature columns it
 * was trained on: the activities, resources and category values known at training time, by
 * name (so a model saved today reads a later import whose dictionaries differ). Saved with the
 * model as JSON.
 */
export interface PrefixEncoding {
  formatVersion: 1;
  /** Activities seen in training, most frequent first. */
  activities: string[];
  /** The most frequent resources; each gets a "last resource is …" column. */
  resources: string[];
  attributes: AttributeEncoding[];
  /** IANA zone of "hour of the last event" and weekdays (null: UTC); absent in older models means UTC. */
  timeZone?: string | null;
}

export type AttributeEncoding =
  | { name: string; scope: 'case' | 'event'; kind: 'number' }
  | { name: string; scope: 'case' | 'event'; kind: 'category'; values: string[] };

export const TOP_RESOURCES = 10;
export const TOP_CATEGORY_VALUES = 12;

/** Learns the encoding from the training cases only (a category first seen later is "other"). */
export function fitPrefixEncoding(
  log: EventLog,
  trainingCases: Int32Array,
  timeZone: string | null = null,
): PrefixEncoding {
  const activityCount = new Float64Array(log.activities.length);
  const resourceCount = new Float64Array(log.resources.length);
  let events = 0;
  for (const c of trainingCases) {
    for (let e = log.caseStart[c]; e < log.caseStart[c + 1]; e++) {
      activityCount[log.activity[e]]++;
      if (log.resource[e] >= 0) resourceCount[log.resource[e]]++;
      events++;
    }
  }
  const attributes: AttributeEncoding[] = [];
  for (const column of log.caseAttributes) {
    const encoding = encodeAttribute(column, 'case', trainingCases.length, (visit) =>
      trainingCases.forEach((c) => visit(c)),
    );
    if (encoding) attributes.push(encoding);
  }
  for (const column of log.eventAttributes) {
    const encoding = encodeAttribute(column, 'event', events, (visit) => {
      for (const c of trainingCases) for (let e = log.caseStart[c]; e < log.caseStart[c + 1]; e++) visit(e);
    });
    if (encoding) attributes.push(encoding);
  }
  return {
    formatVersion: 1,
    activities: topNames(log.activities, activityCount, Infinity),
    resources: topNames(log.resources, resourceCount, TOP_RESOURCES),
    attributes,
    timeZone,
  };
}

function topNames(names: readonly string[], counts: Float64Array, limit: number): string[] {
  const codes = [...counts.keys()].filter((i) => counts[i] > 0).sort((a, b) => counts[b] - counts[a] || a - b);
  return codes.slice(0, limit).map((i) => names[i]);
}

/**
 * Numbers and booleans are kept as they are; text becomes one column per frequent value. Dates
 * are left out (raw epoch milliseconds are meaningless as a feature and lose precision in
 * float32), and so are identifier-like text columns whose frequent values cover under half of
 * the rows: one column per order number would only memorise the training cases.
 */
function encodeAttribute(
  column: AttributeColumn,
  scope: 'case' | 'event',
  rows: number,
  each: (visit: (i: number) => void) => void,
): AttributeEncoding | null {
  if (column.type === 'date') return null;
  if (column.type !== 'string') return { name: column.name, scope, kind: 'number' };
  const counts = new Float64Array(column.dictionary.length);
  each((i) => {
    const code = column.codes[i];
    if (code >= 0) counts[code]++;
  });
  const values = topNames(column.dictionary, counts, TOP_CATEGORY_VALUES);
  const covered = values.reduce((sum, v) => sum + counts[column.dictionary.indexOf(v)], 0);
  if (values.length === 0 || covered < 0.5 * rows) return null;
  return { name: column.name, scope, kind: 'category', values };
}
