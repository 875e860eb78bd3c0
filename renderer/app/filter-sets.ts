import type { LogFilter } from '../../preload/api.ts';

/**
 * Saved filter sets, per workspace, as Disco keeps filter settings to apply again: a name and
 * the filter stack in order. Kept in the window's local storage (they outlive a restart of the
 * app, and stay on this machine); a set names activities and values of the log it was made on,
 * and applying it to a log without them shows the engine's error on the views.
 */
const STORAGE_KEY = 'gemba.filterSets';

export interface FilterSet {
  name: string;
  filters: LogFilter[];
  savedAt: string;
}

function readAll(): Record<string, FilterSet[]> {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as unknown;
    return saved && typeof saved === 'object' && !Array.isArray(saved) ? (saved as Record<string, FilterSet[]>) : {};
  } catch {
    return {};
  }
}

function writeAll(all: Record<string, FilterSet[]>): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(all));
}

/** The sets saved for a workspace, by name. */
export function filterSets(workspace: string): FilterSet[] {
  const sets = readAll()[workspace];
  return Array.isArray(sets)
    ? sets
        .filter((s) => s && typeof s.name === 'string' && Array.isArray(s.filters))
        .sort((a, b) => a.name.localeCompare(b.name))
    : [];
}

/** Saves (or, with the same name, replaces) a set; an empty name or stack is refused with a reason. */
export function saveFilterSet(
  workspace: string,
  name: string,
  filters: readonly LogFilter[],
  now = new Date(),
): FilterSet {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('Give the filter set a name.');
  if (filters.length === 0) throw new Error('There are no filters to save.');
  const set: FilterSet = { name: trimmed, filters: [...filters], savedAt: now.toISOString() };
  const all = readAll();
  all[workspace] = [...filterSets(workspace).filter((s) => s.name !== trimmed), set];
  writeAll(all);
  return set;
}

export function deleteFilterSet(workspace: string, name: string): void {
  const all = readAll();
  all[workspace] = filterSets(workspace).filter((s) => s.name !== name);
  writeAll(all);
}
