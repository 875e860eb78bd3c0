import type { AttributeValue, CaseRow } from '../../../preload/api.ts';

/**
 * The case table's optional columns: the variant (#rank, as the variants list numbers them) and
 * any case attribute, picked in the column chooser and kept per workspace on this machine.
 */
export type ExtraColumn = { kind: 'variant' } | { kind: 'attribute'; name: string };

const STORAGE_KEY = 'gemba.caseColumns';
/** What a workspace shows before the user chooses: the variant. */
export const DEFAULT_EXTRA: readonly string[] = ['variant'];

export const columnKey = (column: ExtraColumn) => (column.kind === 'variant' ? 'variant' : `attr:${column.name}`);

export function parseColumnKey(key: string): ExtraColumn | null {
  if (key === 'variant') return { kind: 'variant' };
  if (key.startsWith('attr:') && key.length > 5) return { kind: 'attribute', name: key.slice(5) };
  return null;
}

function readAll(): Record<string, string[]> {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as unknown;
    return saved && typeof saved === 'object' && !Array.isArray(saved) ? (saved as Record<string, string[]>) : {};
  } catch {
    return {};
  }
}

/** The chosen columns of a workspace, in order, keeping only attributes the log still has. */
export function chosenColumns(workspace: string, attributes: readonly string[]): ExtraColumn[] {
  const saved = readAll()[workspace];
  const keys = Array.isArray(saved) ? saved : DEFAULT_EXTRA;
  const known = new Set(attributes);
  return keys
    .map(parseColumnKey)
    .filter((c): c is ExtraColumn => c !== null && (c.kind === 'variant' || known.has(c.name)));
}

export function saveColumns(workspace: string, columns: readonly ExtraColumn[]): void {
  const all = readAll();
  all[workspace] = columns.map(columnKey);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(all));
  } catch {
    // storage unavailable: the choice holds until reload
  }
}

/** The column's heading. */
export const columnLabel = (column: ExtraColumn) => (column.kind === 'variant' ? 'Variant' : column.name);

/** What a cell shows: "#3" for a variant, the attribute as written, "—" where the case has none. */
export function extraCell(row: Pick<CaseRow, 'variant' | 'attributes'>, column: ExtraColumn): string {
  if (column.kind === 'variant') return `#${row.variant}`;
  const value: AttributeValue | undefined = row.attributes[column.name];
  return value === undefined || value === null ? '—' : String(value);
}

/** The table's CSS grid: the fixed columns, then one track per extra column. */
export function gridColumns(compact: boolean, extra: readonly ExtraColumn[]): string {
  const base = compact ? 'minmax(120px, 1fr) 56px 142px 88px' : 'minmax(120px, 1fr) 64px 142px 142px 88px';
  return [base, ...extra.map((c) => (c.kind === 'variant' ? '56px' : 'minmax(72px, 160px)'))].join(' ');
}
