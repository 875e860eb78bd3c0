import type { ColumnMapping, ColumnProfile } from '../../../../preload/api.ts';

/**
 * Suggests which columns are case, activity, timestamp, resource and start timestamp: the XES
 * standard names first (as PM4Py and most tools export them), then common names, then the
 * column types. Each choice comes with a sentence for the user.
 */

/** Lower case, spaces, underscores, dashes and dots removed; colons kept for XES names. */
export function normalizeName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '');
}

interface Role {
  xes: string[];
  common: string[];
}

const CASE: Role = {
  xes: ['case:concept:name'],
  common: [
    'caseid',
    'case',
    'casenumber',
    'casekey',
    'caseidentifier',
    'orderid',
    'ordernumber',
    'order',
    'ticketid',
    'ticketnumber',
    'ticket',
    'incidentid',
    'incidentnumber',
    'incident',
    'processinstanceid',
    'processinstance',
    'instanceid',
    'instance',
    'traceid',
    'trace',
    'documentnumber',
    'documentid',
    'requestid',
    'claimid',
    'applicationid',
    'patientid',
  ],
};
const ACTIVITY: Role = {
  xes: ['concept:name'],
  common: [
    'activity',
    'activityname',
    'event',
    'eventname',
    'eventtype',
    'task',
    'taskname',
    'action',
    'step',
    'stepname',
    'operation',
    'activitytype',
  ],
};
const TIMESTAMP: Role = {
  xes: ['time:timestamp'],
  common: [
    'timestamp',
    'time',
    'datetime',
    'date',
    'endtime',
    'endtimestamp',
    'enddate',
    'end',
    'endedat',
    'complete',
    'completetime',
    'completetimestamp',
    'completedat',
    'completiontime',
    'completed',
    'eventtime',
    'eventtimestamp',
    'eventdate',
    'occurredat',
    'createdat',
    'ts',
  ],
};
const START: Role = {
  xes: ['time:start', 'start:timestamp', 'starttimestamp'],
  common: ['starttime', 'start', 'startdate', 'startedat', 'begin', 'begintime', 'starttime:timestamp'],
};
const RESOURCE: Role = {
  xes: ['org:resource'],
  common: [
    'resource',
    'user',
    'username',
    'userid',
    'org',
    'originator',
    'performer',
    'agent',
    'employee',
    'owner',
    'assignee',
    'operator',
    'worker',
    'executor',
    'actor',
    'person',
    'handler',
    'orgresource',
  ],
};

export interface MappingSuggestion {
  mapping: ColumnMapping;
  notes: string[];
}

export function suggestMapping(columns: readonly ColumnProfile[], timezone: string): MappingSuggestion {
  const notes: string[] = [];
  const used = new Set<number>();
  const byName = (
    role: Role,
    accept: (c: ColumnProfile) => boolean,
  ): { column: ColumnProfile; how: 'xes' | 'common' } | null => {
    for (const [list, how] of [
      [role.xes, 'xes'],
      [role.common, 'common'],
    ] as const) {
      for (const wanted of list) {
        const column = columns.find((c) => !used.has(c.index) && normalizeName(c.name) === wanted && accept(c));
        if (column) return { column, how };
      }
    }
    return null;
  };
  const isDate = (c: ColumnProfile) => c.timestampFormat !== undefined;
  const take = (column: ColumnProfile) => used.add(column.index);
  /** A common-name column passed over for an XES name, to say so. */
  const decoy = (role: Role, chosen: ColumnProfile) =>
    columns.find((c) => c.index !== chosen.index && role.common.includes(normalizeName(c.name)));

  const describe = (label: string, role: Role, pick: { column: ColumnProfile; how: 'xes' | 'common' }) => {
    let sentence = `${label}: "${pick.column.name}" (${pick.how === 'xes' ? 'XES standard name' : 'by its name'})`;
    const passed = pick.how === 'xes' ? decoy(role, pick.column) : undefined;
    if (passed) sentence += `, rather than "${passed.name}"`;
    notes.push(sentence + '.');
  };

  // Timestamps first: they are the only role decided by values, and the others must avoid them.
  const start = byName(START, isDate);
  if (start) take(start.column);
  let timestamp = byName(TIMESTAMP, isDate);
  if (!timestamp) {
    const firstDate = columns.find((c) => !used.has(c.index) && isDate(c));
    if (firstDate) timestamp = { column: firstDate, how: 'common' };
  }
  let startColumn = start?.column ?? null;
  if (!timestamp && startColumn) {
    timestamp = { column: startColumn, how: 'common' };
    startColumn = null;
  }
  if (timestamp) take(timestamp.column);

  const caseRole = byName(CASE, (c) => !isDate(c));
  if (caseRole) take(caseRole.column);
  const activityRole = byName(ACTIVITY, (c) => !isDate(c));
  if (activityRole) take(activityRole.column);
  const resourceRole = byName(RESOURCE, (c) => !isDate(c));
  if (resourceRole) take(resourceRole.column);

  // Fall back on types: an activity repeats a lot (few distinct values), a case id repeats a little.
  let caseColumn = caseRole?.column ?? null;
  let activityColumn = activityRole?.column ?? null;
  if (!activityColumn) {
    const candidates = columns.filter((c) => !used.has(c.index) && c.inferredType === 'string' && c.distinctCount >= 2);
    candidates.sort((a, b) => a.distinctCount - b.distinctCount || a.index - b.index);
    activityColumn = candidates[0] ?? null;
    if (activityColumn) {
      take(activityColumn);
      notes.push(
        `Activity: "${activityColumn.name}", the text column with the fewest distinct values (${activityColumn.distinctCount}); no column has an activity name.`,
      );
    }
  } else describe('Activity', ACTIVITY, activityRole!);
  if (!caseColumn) {
    caseColumn =
      columns.find((c) => !used.has(c.index) && !isDate(c) && c.distinctCount > 1) ??
      columns.find((c) => !used.has(c.index)) ??
      null;
    if (caseColumn) {
      take(caseColumn);
      notes.push(`Case: "${caseColumn.name}", the first remaining column; no column has a case id name. Check it.`);
    }
  } else describe('Case', CASE, caseRole!);

  if (timestamp) {
    const format = timestamp.column.timestampFormat!;
    const tsNote = timestamp.how === 'xes' ? 'XES standard name' : 'the first timestamp column';
    notes.push(`Timestamp: "${timestamp.column.name}" (${tsNote}), read as ${format.label}.`);
    if (format.note) notes.push(format.note);
    if (!format.hasOffset)
      notes.push(
        `The timestamps carry no time zone; they are read as ${timezone} time (this machine's zone). Change the zone if the file comes from elsewhere.`,
      );
  } else notes.push('No column looks like timestamps. Choose the timestamp column and its format.');
  if (startColumn) notes.push(`Start timestamp: "${startColumn.name}".`);
  if (resourceRole) describe('Resource', RESOURCE, resourceRole);

  const mapped = new Set(
    [caseColumn, activityColumn, timestamp?.column, resourceRole?.column, startColumn]
      .filter(Boolean)
      .map((c) => c!.index),
  );
  return {
    mapping: {
      case: caseColumn?.name ?? '',
      activity: activityColumn?.name ?? '',
      timestamp: timestamp?.column.name ?? '',
      resource: resourceRole?.column.name ?? null,
      startTimestamp: startColumn?.name ?? null,
      timestampFormat: timestamp?.column.timestampFormat?.id ?? null,
      timezone,
      attributes: columns
        .filter((c) => !mapped.has(c.index))
        .map((c) => ({
          name: c.name,
          type: c.inferredType,
          ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}),
        })),
    },
    notes,
  };
}
