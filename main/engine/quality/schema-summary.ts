import type { AttributeType, ColumnMapping } from '../../../preload/api.ts';
import type { AttributeColumn, EventLog } from '../eventlog/index.ts';

export type SchemaRole =
  'case' | 'activity' | 'timestamp' | 'resource' | 'start timestamp' | 'attribute' | 'case attribute';

export interface SchemaColumn {
  name: string;
  role: SchemaRole;
  type: AttributeType;
  /** Value range for numbers and dates (epoch ms); null for text or when every value is missing. */
  min: number | null;
  max: number | null;
}

/**
 * What an import looked like, small enough to keep as JSON beside every import in the
 * workspace, so the next import into the same workspace can be compared with it.
 */
export interface SchemaSummary {
  columns: SchemaColumn[];
  activities: string[];
  events: number;
  cases: number;
}

function range(values: Float64Array): [number | null, number | null] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? [min, max] : [null, null];
}

function attributeColumn(column: AttributeColumn, role: SchemaRole): SchemaColumn {
  if (column.type === 'string') return { name: column.name, role, type: 'string', min: null, max: null };
  const [min, max] = range(column.values);
  return { name: column.name, role, type: column.type, min, max };
}

export function summarizeSchema(log: EventLog, mapping: ColumnMapping | null = null): SchemaSummary {
  const [tMin, tMax] = range(log.timestamp);
  const columns: SchemaColumn[] = [
    { name: mapping?.case ?? 'case', role: 'case', type: 'string', min: null, max: null },
    { name: mapping?.activity ?? 'activity', role: 'activity', type: 'string', min: null, max: null },
    { name: mapping?.timestamp ?? 'timestamp', role: 'timestamp', type: 'date', min: tMin, max: tMax },
  ];
  if (log.resources.length > 0 || mapping?.resource)
    columns.push({ name: mapping?.resource ?? 'resource', role: 'resource', type: 'string', min: null, max: null });
  if (log.startTimestamp) {
    const [sMin, sMax] = range(log.startTimestamp);
    columns.push({
      name: mapping?.startTimestamp ?? 'start timestamp',
      role: 'start timestamp',
      type: 'date',
      min: sMin,
      max: sMax,
    });
  }
  for (const c of log.eventAttributes) columns.push(attributeColumn(c, 'attribute'));
  for (const c of log.caseAttributes) columns.push(attributeColumn(c, 'case attribute'));
  const used = new Uint8Array(log.activities.length);
  for (let i = 0; i < log.eventCount; i++) used[log.activity[i]] = 1;
  return {
    columns,
    activities: log.activities.filter((_, i) => used[i] === 1),
    events: log.eventCount,
    cases: log.caseCount,
  };
}
