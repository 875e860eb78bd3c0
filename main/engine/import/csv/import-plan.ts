import type { AttributeType, ColumnMapping, NumberFormat } from '../../../../preload/api.ts';
import { InputError } from '../../errors.ts';
import {
  inferTimestampFormat,
  isValidTimeZone,
  knownTimestampFormats,
  machineTimeZone,
  resolveTimestampFormatId,
} from '../timestamps/index.ts';
import { suggestMapping } from './column-mapping.ts';
import type { CsvHead } from './csv-head.ts';
import {
  checkNumberFormat,
  describeNumberFormat,
  detectNumberFormat,
  numberFormatNote,
  parseNumberText,
} from './number-format.ts';

/** CSV columns named `case:xxx` (PM4Py's flattening of XES trace attributes) are case attributes. */
const CASE_PREFIX = 'case:';

export interface AttributePlan {
  column: number;
  name: string;
  type: AttributeType;
  ofCase: boolean;
  /** Number columns: how their numbers are written. */
  numberFormat: NumberFormat | null;
}

export interface ImportPlan {
  mapping: ColumnMapping;
  caseColumn: number;
  activityColumn: number;
  timestampColumn: number;
  resourceColumn: number;
  startColumn: number;
  timestampLabel: string;
  startLabel: string;
  attributes: AttributePlan[];
  notes: string[];
}

/** The mapping completed and checked against the header. */
export function planImport(head: CsvHead, given: Partial<ColumnMapping>, file: string): ImportPlan {
  const header = head.header;
  const indexOf = (name: string, role: string): number => {
    const k = header.indexOf(name);
    if (k < 0) {
      throw new InputError(`Column "${name}" (chosen as ${role}) is not in the header.`, {
        file,
        line: 1,
        hint: `The header has: ${header.map((h) => `"${h}"`).join(', ')}. Choose one of these.`,
      });
    }
    return k;
  };
  for (const [role, name] of [
    ['case', given.case],
    ['activity', given.activity],
    ['timestamp', given.timestamp],
    ['resource', given.resource],
    ['start timestamp', given.startTimestamp],
  ] as const) {
    if (name) indexOf(name, role);
  }
  for (const a of given.attributes ?? []) indexOf(a.name, 'attribute');

  const timezone = given.timezone || machineTimeZone();
  if (!isValidTimeZone(timezone)) {
    throw new InputError(`Unknown time zone "${timezone}".`, {
      file,
      hint: 'Use an IANA zone name such as Europe/Berlin or America/New_York, or an offset such as +01:00.',
    });
  }
  const suggestion = suggestMapping(head.columns, timezone);
  const s = suggestion.mapping;
  const caseName = given.case || s.case;
  const activityName = given.activity || s.activity;
  const timestampName = given.timestamp || s.timestamp;
  const resourceName = given.resource !== undefined ? given.resource || null : (s.resource ?? null);
  const startName = given.startTimestamp !== undefined ? given.startTimestamp || null : (s.startTimestamp ?? null);
  if (!timestampName) {
    const formats = knownTimestampFormats()
      .map((f) => f.pattern)
      .join(', ');
    throw new InputError('No column looks like timestamps, so events cannot be put in order.', {
      file,
      line: 1,
      hint: `Choose the timestamp column and its format (on the command line: --timestamp COLUMN --timestamp-format FORMAT). Formats Gemba reads: ${formats}.`,
    });
  }
  if (!caseName)
    throw new InputError('No column could be taken as the case id.', {
      file,
      line: 1,
      hint: 'Choose the case column (on the command line: --case COLUMN).',
    });
  if (!activityName)
    throw new InputError('No column could be taken as the activity.', {
      file,
      line: 1,
      hint: 'Choose the activity column (on the command line: --activity COLUMN).',
    });

  const caseColumn = indexOf(caseName, 'case');
  const activityColumn = indexOf(activityName, 'activity');
  const timestampColumn = indexOf(timestampName, 'timestamp');
  const resourceColumn = resourceName ? indexOf(resourceName, 'resource') : -1;
  const startColumn = startName ? indexOf(startName, 'start timestamp') : -1;

  const notes = [...head.notes];
  // Say how the roles the user left open were chosen.
  const inferred = [
    !given.activity && 'Activity:',
    !given.case && 'Case:',
    given.resource === undefined && 'Resource:',
  ].filter(Boolean) as string[];
  notes.push(...suggestion.notes.filter((n) => inferred.some((prefix) => n.startsWith(prefix))));
  const formatOf = (
    column: number,
    chosen: string | null | undefined,
    role: string,
  ): { id: string; label: string; hasOffset: boolean } => {
    const profile = head.columns[column];
    const values = head.rows.map((r) => r[column] ?? '');
    if (chosen) {
      const id = resolveTimestampFormatId(chosen);
      if (!id) {
        const formats = knownTimestampFormats()
          .map((f) => `${f.id} (${f.pattern})`)
          .join(', ');
        throw new InputError(`Unknown timestamp format "${chosen}".`, { file, hint: `Use one of: ${formats}.` });
      }
      const guess = inferTimestampFormat(values);
      const label = guess?.id === id ? guess.label : knownTimestampFormats().find((f) => f.id === id)!.pattern;
      notes.push(`${role} in "${profile.name}" read as ${label}, as chosen.`);
      return { id, label, hasOffset: guess?.id === id ? guess.hasOffset : false };
    }
    const guess = profile.timestampFormat ?? inferTimestampFormat(values);
    if (!guess) {
      const example = values.find((v) => v.trim() !== '') ?? '';
      throw new InputError(
        `Column "${profile.name}" does not look like timestamps: no known format reads values such as "${clip(example)}".`,
        {
          file,
          line: 1,
          hint: `Choose another column, or the format (${knownTimestampFormats()
            .map((f) => f.pattern)
            .join(', ')}).`,
        },
      );
    }
    const share = Math.round(guess.parsedShare * 100);
    notes.push(
      `${role} in "${profile.name}" read as ${guess.label}${share < 100 ? ` (${share}% of the sampled values; the others will be rejected)` : ''}.`,
    );
    if (guess.note) notes.push(guess.note);
    return guess;
  };
  const timestampFormat = formatOf(timestampColumn, given.timestampFormat, 'Timestamps');
  const startFormat = startColumn >= 0 ? formatOf(startColumn, null, 'Start timestamps') : null;
  if (!timestampFormat.hasOffset || (startFormat && !startFormat.hasOffset)) {
    notes.push(
      `Timestamps without an offset are read as ${timezone} time${given.timezone ? '' : " (this machine's zone)"}.`,
    );
  }

  const roles = new Set([caseColumn, activityColumn, timestampColumn, resourceColumn, startColumn]);
  const attributeList =
    given.attributes ??
    head.columns.filter((c) => !roles.has(c.index)).map((c) => ({ name: c.name, type: c.inferredType }));
  const attributes: AttributePlan[] = attributeList.map((a) => {
    const ofCase = a.name.startsWith(CASE_PREFIX) && a.name.length > CASE_PREFIX.length;
    const column = header.indexOf(a.name);
    const numberFormat =
      a.type === 'number'
        ? numberFormatOf(head, column, 'numberFormat' in a ? a.numberFormat : undefined, notes, file)
        : null;
    return { column, name: ofCase ? a.name.slice(CASE_PREFIX.length) : a.name, type: a.type, ofCase, numberFormat };
  });

  return {
    mapping: {
      case: caseName,
      activity: activityName,
      timestamp: timestampName,
      resource: resourceName,
      startTimestamp: startName,
      timestampFormat: timestampFormat.id,
      timezone,
      attributes: attributes.map((a, i) => ({
        name: attributeList[i].name,
        type: a.type,
        ...(a.numberFormat ? { numberFormat: a.numberFormat } : {}),
      })),
    },
    caseColumn,
    activityColumn,
    timestampColumn,
    resourceColumn,
    startColumn,
    timestampLabel: timestampFormat.label,
    startLabel: startFormat?.label ?? '',
    attributes,
    notes,
  };
}

/**
 * How a number column's values are written: as chosen, else as its profile detected, else (a
 * column the user typed number though not every sampled value reads) the convention that reads
 * most of them. Every choice is explained in a note.
 */
function numberFormatOf(head: CsvHead, column: number, chosen: unknown, notes: string[], file: string): NumberFormat {
  const name = head.header[column];
  if (chosen !== undefined && chosen !== null) {
    const format = checkNumberFormat(chosen, name, file);
    notes.push(`Numbers in "${name}" are read with ${describeNumberFormat(format)}, as chosen.`);
    return format;
  }
  const values = head.rows.map((r) => (r[column] ?? '').trim()).filter((v) => v !== '');
  const guess = detectNumberFormat(values, head.dialect.delimiter);
  const format = guess.format;
  const note = numberFormatNote(name, guess, head.dialect.delimiter);
  if (note) notes.push(note);
  if (guess.readShare < 1 && values.length > 0) {
    const unread = values.find((v) => parseNumberText(v, format) !== parseNumberText(v, format));
    notes.push(
      `Column "${name}" is read as numbers, but ${Math.round((1 - guess.readShare) * 100)}% of its sampled values (such as "${clip(unread ?? '')}") are not numbers: their rows will be rejected.`,
    );
  }
  return format;
}

export function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
