import type { AttributeValue, CaseDetail, ColumnMapping } from '../../../preload/api.ts';

/** Which attribute columns a case's panel shows, and which it leaves out as repeats. */
export interface CaseColumns {
  /** Event attributes to show under "Attributes", in first-seen order. */
  eventAttributes: string[];
  /** Case attributes to show. */
  caseAttributes: string[];
  /** Attributes left out because they repeat a mapped field (e.g. a second "Activity" column). */
  repeated: { name: string; sameAs: string }[];
}

type MappedField = 'activity' | 'resource' | 'timestamp' | 'startTimestamp';

const LABEL: Record<MappedField, string> = {
  activity: 'activity',
  resource: 'resource',
  timestamp: 'timestamp',
  startTimestamp: 'start',
};

/** Names under which logs carry the mapped fields a second time (CSV headers, XES standard keys). */
const ALIASES: Record<MappedField, string[]> = {
  activity: ['activity', 'concept:name', 'activity name', 'task'],
  resource: ['resource', 'org:resource', 'user'],
  timestamp: ['timestamp', 'time:timestamp', 'complete timestamp', 'end', 'end timestamp'],
  startTimestamp: ['start', 'start timestamp', 'start_timestamp'],
};

function sameValue(field: MappedField, mapped: string | null, value: AttributeValue | undefined): boolean {
  if (value === undefined || value === null) return mapped === null;
  if (mapped === null) return false;
  if (field === 'timestamp' || field === 'startTimestamp') {
    const a = Date.parse(mapped);
    const b = typeof value === 'number' ? value : Date.parse(String(value));
    return Number.isFinite(a) && a === b;
  }
  return String(value) === mapped;
}

/**
 * A log often carries a mapped column a second time, as an attribute with the same name or the
 * XES key ("Activity" next to "concept:name"). An attribute is left out when its name is one of
 * those and it holds exactly the mapped value in every event of the case; one that only shares
 * the name is kept, under the "Attributes" heading, so the two cannot be confused.
 */
export function caseColumns(detail: CaseDetail, mapping: ColumnMapping | null): CaseColumns {
  const names = [...new Set(detail.events.flatMap((e) => Object.keys(e.attributes)))];
  const aliases = (field: MappedField) => {
    const own =
      field === 'activity'
        ? mapping?.activity
        : field === 'resource'
          ? mapping?.resource
          : field === 'timestamp'
            ? mapping?.timestamp
            : mapping?.startTimestamp;
    return new Set([...ALIASES[field], ...(own ? [own.toLowerCase()] : [])]);
  };
  const fields: MappedField[] = ['activity', 'resource', 'timestamp', 'startTimestamp'];
  const aliasSets = new Map(fields.map((f) => [f, aliases(f)]));
  const repeated: { name: string; sameAs: string }[] = [];
  const eventAttributes: string[] = [];
  for (const name of names) {
    const lower = name.toLowerCase();
    const field = fields.find(
      (f) =>
        aliasSets.get(f)!.has(lower) &&
        detail.events.every((e) =>
          sameValue(
            f,
            f === 'activity'
              ? e.activity
              : f === 'resource'
                ? e.resource
                : f === 'timestamp'
                  ? e.timestamp
                  : e.startTimestamp,
            e.attributes[name],
          ),
        ),
    );
    if (field) repeated.push({ name, sameAs: LABEL[field] });
    else eventAttributes.push(name);
  }
  const caseAliases = new Set([
    'case',
    'case id',
    'case:concept:name',
    ...(mapping?.case ? [mapping.case.toLowerCase()] : []),
  ]);
  const caseAttributes: string[] = [];
  for (const [name, value] of Object.entries(detail.attributes)) {
    if (caseAliases.has(name.toLowerCase()) && String(value) === detail.id) repeated.push({ name, sameAs: 'case id' });
    else caseAttributes.push(name);
  }
  return { eventAttributes, caseAttributes, repeated };
}
