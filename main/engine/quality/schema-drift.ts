import type { QualityCheck, QualityExample, QualitySeverity } from '../../../preload/api.ts';
import { isoTime, plural } from './check-result.ts';
import type { SchemaColumn, SchemaSummary } from './schema-summary.ts';

export interface SchemaDriftOptions {
  /** A range counts as changed when it reaches beyond the old one by more than this share of the old width. */
  rangeTolerance?: number;
}

type Finding = { severity: QualitySeverity; detail: string; group: string };

/** Below this share of common activity labels (of the smaller log), two imports are different logs. */
const UNRELATED_SHARE = 0.2;

const MAPPED = new Set(['case', 'activity', 'timestamp', 'resource', 'start timestamp']);

/** Columns are matched by role for mapped columns (their header may be renamed) and by name otherwise. */
function columnKey(c: SchemaColumn): string {
  return MAPPED.has(c.role) ? `role:${c.role}` : `${c.role}:${c.name}`;
}

function formatValue(c: SchemaColumn, v: number): string {
  return c.type === 'date' ? isoTime(v) : String(v);
}

/**
 * What changed between two imports into the same workspace: columns that appeared or
 * disappeared, inferred types that changed, activity labels never seen before, and value
 * ranges that moved. The count is the number of such findings.
 */
export function schemaDrift(
  previous: SchemaSummary | null | undefined,
  current: SchemaSummary | null | undefined,
  options: SchemaDriftOptions = {},
): QualityCheck {
  const title = 'Schema drift since the previous import';
  if (!previous || !current) {
    return {
      kind: 'schema_drift',
      title,
      severity: 'info',
      applicable: false,
      count: 0,
      unit: 'changes',
      explanation: 'There is no earlier import in this workspace to compare with.',
      examples: [],
      fix: null,
    };
  }
  const tolerance = options.rangeTolerance ?? 0.5;
  const findings: Finding[] = [];
  const before = new Map(previous.columns.map((c) => [columnKey(c), c]));
  const after = new Map(current.columns.map((c) => [columnKey(c), c]));
  for (const [key, c] of after) {
    const old = before.get(key);
    if (!old) {
      findings.push({
        severity: 'warning',
        group: 'new columns',
        detail: `New ${c.role === 'attribute' ? 'column' : c.role} "${c.name}" (${c.type})`,
      });
      continue;
    }
    if (old.type !== c.type) {
      findings.push({
        severity: MAPPED.has(c.role) ? 'error' : 'warning',
        group: 'changed types',
        detail: `"${c.name}" was ${old.type}, is now ${c.type}`,
      });
      continue;
    }
    if (old.min !== null && old.max !== null && c.min !== null && c.max !== null) {
      const width = old.max - old.min;
      const slack = tolerance * width;
      if (c.min < old.min - slack || c.max > old.max + slack || c.max < old.min || c.min > old.max) {
        findings.push({
          severity: 'info',
          group: 'changed ranges',
          detail: `"${c.name}" ranged ${formatValue(c, old.min)} … ${formatValue(c, old.max)}, now ${formatValue(c, c.min)} … ${formatValue(c, c.max)}`,
        });
      }
    }
  }
  for (const [key, c] of before) {
    if (!after.has(key))
      findings.push({
        severity: MAPPED.has(c.role) ? 'error' : 'warning',
        group: 'missing columns',
        detail: `Column "${c.name}" (${c.role}) is gone`,
      });
  }
  const oldLabels = new Set(previous.activities);
  for (const label of current.activities) {
    if (!oldLabels.has(label))
      findings.push({ severity: 'warning', group: 'new activity labels', detail: `New activity "${label}"` });
  }
  const newLabels = new Set(current.activities);
  for (const label of previous.activities) {
    if (!newLabels.has(label))
      findings.push({
        severity: 'info',
        group: 'missing activity labels',
        detail: `Activity "${label}" no longer occurs`,
      });
  }
  const groups = new Map<string, number>();
  for (const f of findings) groups.set(f.group, (groups.get(f.group) ?? 0) + 1);
  const examples: QualityExample[] = findings.slice(0, 20).map((f) => ({ detail: f.detail }));
  // Drift compares two periods of the same process. An import that shares (almost) no activity
  // labels with the previous one is another log, not a later export of the same one: its
  // differences are listed for information, never as an error.
  const shared = current.activities.filter((label) => oldLabels.has(label)).length;
  const smaller = Math.min(previous.activities.length, current.activities.length);
  if (findings.length > 0 && smaller > 0 && shared / smaller < UNRELATED_SHARE) {
    return {
      kind: 'schema_drift',
      title,
      severity: 'info',
      applicable: true,
      count: findings.length,
      unit: 'changes',
      explanation:
        `This import looks like a different log from the previous one (${plural(shared, 'activity label')} in common), so its differences are not judged as drift. ` +
        'Drift matters when two imports are periods of the same process: then a changed column or label makes their figures incomparable.',
      examples,
      breakdown: [...groups].map(([label, count]) => ({ label, count })),
      fix: null,
    };
  }
  const severity: QualitySeverity = findings.some((f) => f.severity === 'error')
    ? 'error'
    : findings.some((f) => f.severity === 'warning')
      ? 'warning'
      : 'info';
  const why =
    severity === 'error'
      ? 'A case, activity, timestamp or resource column is gone or changed type: figures computed on the previous import (KPIs, control-chart baselines, trained models) no longer measure the same thing. Check the export settings, or re-map the columns.'
      : 'Results that compare the two periods may reflect the export, not the process.';
  return {
    kind: 'schema_drift',
    title,
    severity,
    applicable: true,
    count: findings.length,
    unit: 'changes',
    explanation:
      findings.length === 0
        ? 'This import has the same columns, types, activity labels and value ranges as the previous one.'
        : `${plural(findings.length, 'change')} since the previous import (${[...groups].map(([g, n]) => `${n} ${g}`).join(', ')}). ${why}`,
    examples,
    breakdown: [...groups].map(([label, count]) => ({ label, count })),
    fix: null,
  };
}
