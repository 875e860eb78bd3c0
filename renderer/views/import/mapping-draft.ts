import type { AttributeType, ColumnMapping, CsvPreview, NumberFormat } from '../../../preload/api.ts';

/** The mapping form's state: '' means "not set" for optional columns and "inferred" for the format. */
export interface MappingDraft {
  case: string;
  activity: string;
  timestamp: string;
  resource: string;
  startTimestamp: string;
  timestampFormat: string;
  timezone: string;
  /** Per attribute column: kept or not, the type to read it as, and for numbers how they are written (absent: as detected). */
  attributes: Record<string, { keep: boolean; type: AttributeType; numberFormat?: NumberFormat }>;
}

/** The ways of writing numbers the picker offers, as a sample of each. */
export const NUMBER_FORMATS: readonly { label: string; format: NumberFormat }[] = [
  { label: '1,234.5', format: { decimal: '.', thousands: ',' } },
  { label: '1234.5', format: { decimal: '.', thousands: '' } },
  { label: '1.234,5', format: { decimal: ',', thousands: '.' } },
  { label: '1234,5', format: { decimal: ',', thousands: '' } },
  { label: '1 234,5', format: { decimal: ',', thousands: ' ' } },
  { label: "1'234.5", format: { decimal: '.', thousands: "'" } },
];

/** How a number format reads, e.g. "1.234,5"; null for none. */
export function numberFormatLabel(format: NumberFormat | undefined): string | null {
  if (!format) return null;
  return (
    NUMBER_FORMATS.find((f) => f.format.decimal === format.decimal && f.format.thousands === format.thousands)?.label ??
    `decimal "${format.decimal}", thousands "${format.thousands}"`
  );
}

export function draftFromPreview(preview: CsvPreview, machineZone: string): MappingDraft {
  const s = preview.suggested;
  const draft: MappingDraft = {
    case: s.case ?? '',
    activity: s.activity ?? '',
    timestamp: s.timestamp ?? '',
    resource: s.resource ?? '',
    startTimestamp: s.startTimestamp ?? '',
    timestampFormat: s.timestampFormat ?? '',
    timezone: s.timezone ?? machineZone,
    attributes: {},
  };
  for (const column of preview.columns) {
    const suggestedType = s.attributes?.find((a) => a.name === column.name)?.type;
    draft.attributes[column.name] = {
      keep: s.attributes ? suggestedType !== undefined : true,
      type: suggestedType ?? column.inferredType,
    };
  }
  return draft;
}

/** Columns used for case, activity, timestamps or resource are not attributes. */
export function mappedColumns(draft: MappingDraft): Set<string> {
  return new Set(
    [draft.case, draft.activity, draft.timestamp, draft.resource, draft.startTimestamp].filter((c) => c !== ''),
  );
}

/** Problems that stop the import before it starts, in the user's words. */
export function draftProblems(draft: MappingDraft): string[] {
  const problems: string[] = [];
  if (!draft.case) problems.push('Choose the column that identifies the case.');
  if (!draft.activity) problems.push('Choose the activity column.');
  if (!draft.timestamp) problems.push('Choose the timestamp column.');
  const roles: [string, string][] = [
    ['case', draft.case],
    ['activity', draft.activity],
    ['timestamp', draft.timestamp],
    ['resource', draft.resource],
    ['start timestamp', draft.startTimestamp],
  ];
  const seen = new Map<string, string>();
  for (const [role, column] of roles) {
    if (!column) continue;
    const other = seen.get(column);
    if (other) problems.push(`Column "${column}" is used both as ${other} and as ${role}.`);
    else seen.set(column, role);
  }
  return problems;
}

/** The mapping sent to startImport. Attributes are listed only when the user changed the default. */
export function mappingFromDraft(draft: MappingDraft, preview: CsvPreview): Partial<ColumnMapping> {
  const mapping: Partial<ColumnMapping> = {
    case: draft.case,
    activity: draft.activity,
    timestamp: draft.timestamp,
    resource: draft.resource || null,
    startTimestamp: draft.startTimestamp || null,
    timestampFormat: draft.timestampFormat || null,
    timezone: draft.timezone || null,
  };
  const used = mappedColumns(draft);
  const candidates = preview.columns.filter((c) => !used.has(c.name));
  const changed = candidates.some((c) => {
    const choice = draft.attributes[c.name];
    return (
      choice !== undefined &&
      (!choice.keep ||
        choice.type !== c.inferredType ||
        (choice.type === 'number' && choice.numberFormat !== undefined))
    );
  });
  if (changed) {
    mapping.attributes = candidates
      .filter((c) => draft.attributes[c.name]?.keep !== false)
      .map((c) => {
        const choice = draft.attributes[c.name];
        const type = choice?.type ?? c.inferredType;
        return type === 'number' && choice?.numberFormat
          ? { name: c.name, type, numberFormat: choice.numberFormat }
          : { name: c.name, type };
      });
  }
  return mapping;
}
