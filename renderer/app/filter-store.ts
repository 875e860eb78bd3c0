import { useSyncExternalStore } from 'react';
import type { LogFilter } from '../../preload/api.ts';

/**
 * The filters in force for the open log, shared by every view: the map, the variants list, the
 * case table and the summary read the same list and pass it with their API calls, so the engine
 * computes one case mask for all of them.
 *
 * Filters name activities, variants and attribute values of one log, so they belong to that log:
 * they are kept per workspace together with the import they were made on, and a new import, a
 * restore or opening a workspace starts with none (a filter for 'register request' would make
 * every view of a log without it fail). A reload of the window keeps them.
 */
const STORAGE_KEY = 'gemba.filters';
const EMPTY: LogFilter[] = [];

interface SavedFilters {
  importId: number | null;
  filters: LogFilter[];
}

let workspacePath = '';
let filters: LogFilter[] = EMPTY;
const listeners = new Set<() => void>();

/**
 * Undo and redo of filter changes, as Disco's filter stack has: each change (add, remove, negate,
 * clear, a saved set) is one step. Per window and per log; a new log starts a fresh history.
 */
const HISTORY_LIMIT = 100;
let past: LogFilter[][] = [];
let future: LogFilter[][] = [];
export interface FilterHistory {
  canUndo: boolean;
  canRedo: boolean;
}
let history: FilterHistory = { canUndo: false, canRedo: false };

function historyChanged(): void {
  history = { canUndo: past.length > 0, canRedo: future.length > 0 };
}

function forgetHistory(): void {
  past = [];
  future = [];
  historyChanged();
}

function readAll(): Record<string, SavedFilters> {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, unknown>;
    return saved && typeof saved === 'object' ? (saved as Record<string, SavedFilters>) : {};
  } catch {
    return {};
  }
}

function load(path: string): SavedFilters | null {
  const entry = readAll()[path];
  return entry && Array.isArray(entry.filters) ? entry : null;
}

function save(importId: number | null | undefined): void {
  try {
    const saved = readAll();
    saved[workspacePath] = {
      importId: importId === undefined ? (saved[workspacePath]?.importId ?? null) : importId,
      filters,
    };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(saved));
  } catch {
    // storage full or unavailable: filters still work for this window
  }
}

function emit(): void {
  for (const listener of listeners) listener();
}

function replaceFilters(next: LogFilter[]): void {
  filters = next.length === 0 ? EMPTY : next;
  save(undefined);
  emit();
}

export function setFilters(next: LogFilter[]): void {
  if (JSON.stringify(next) === JSON.stringify(filters)) return;
  past = [...past, filters].slice(-HISTORY_LIMIT);
  future = [];
  historyChanged();
  replaceFilters(next);
}

/** Takes back the last filter change; false when there is none. */
export function undoFilters(): boolean {
  const previous = past.at(-1);
  if (!previous) return false;
  past = past.slice(0, -1);
  future = [filters, ...future];
  historyChanged();
  replaceFilters(previous);
  return true;
}

/** Makes the last undone change again; false when there is none. */
export function redoFilters(): boolean {
  const next = future[0];
  if (!next) return false;
  future = future.slice(1);
  past = [...past, filters];
  historyChanged();
  replaceFilters(next);
  return true;
}

export function addFilter(filter: LogFilter): void {
  setFilters([...filters, filter]);
}

export function removeFilter(index: number): void {
  setFilters(filters.filter((_, i) => i !== index));
}

export function toggleNegate(index: number): void {
  setFilters(filters.map((f, i) => (i === index ? { ...f, negate: !f.negate } : f)));
}

/** The filters in force now (outside React). */
export function currentFilters(): LogFilter[] {
  return filters;
}

/** Switches the store to a workspace (its own filters) without notifying twice. */
function selectWorkspace(path: string): void {
  if (path === workspacePath) return;
  workspacePath = path;
  filters = load(path)?.filters ?? EMPTY;
  forgetHistory();
}

/**
 * The log of a workspace changed (new import, restore) or a workspace was opened: its filters
 * start empty and are recorded as belonging to `importId`.
 */
export function startFiltersForLog(path: string, importId: number | null): void {
  workspacePath = path;
  filters = EMPTY;
  forgetHistory();
  save(importId);
  emit();
}

/**
 * The window was reloaded with a workspace open: keeps the saved filters only if they were made
 * on the log that is current now (another window may have imported meanwhile).
 */
export function resumeFiltersForLog(path: string, importId: number | null): void {
  const saved = load(path);
  if (saved && saved.importId === importId) {
    workspacePath = path;
    filters = saved.filters.length === 0 ? EMPTY : saved.filters;
    forgetHistory();
    emit();
  } else {
    startFiltersForLog(path, importId);
  }
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The filters in force for a workspace; re-renders when they change. */
export function useLogFilters(workspace: string): LogFilter[] {
  selectWorkspace(workspace);
  return useSyncExternalStore(subscribe, () => filters);
}

/** Whether there is a filter change to undo or redo; re-renders when that changes. */
export function useFilterHistory(): FilterHistory {
  return useSyncExternalStore(subscribe, () => history);
}
