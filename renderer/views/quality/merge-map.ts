/** One editable line of a label merge map: a variant, the label it becomes, and whether to merge it. */
export interface MergeRow {
  variant: string;
  canonical: string;
  include: boolean;
}

export function rowsFromMap(map: Record<string, string>): MergeRow[] {
  return Object.entries(map).map(([variant, canonical]) => ({ variant, canonical, include: true }));
}

/**
 * The map to apply: included rows whose target is not empty and differs from the variant.
 * Targets are trimmed, since a stray space would create one more variant instead of merging.
 */
export function mapFromRows(rows: readonly MergeRow[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const row of rows) {
    const target = row.canonical.trim();
    if (!row.include || target === '' || target === row.variant) continue;
    map[row.variant] = target;
  }
  return map;
}

/** Splits a comma- or newline-separated list of activities typed by the user. */
export function parseActivityList(text: string): string[] {
  return text
    .split(/[,\n]/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
