import { useSyncExternalStore } from 'react';
import type { LogFilter } from '../../../preload/api.ts';

/**
 * The filters in force for the open workspace, shared by every view: the map, the variants
 * list, the case table and the summary read the same list and pass it with their API calls, so
 * the engine computes one case mask for all of them. Kept per workspace for the session.
 */
const STORAGE_KEY = 'gemba.filters';
const EMPTY: LogFilter[] = [];
let workspacePath = '';
let filters: LogFilter[] = EMPTY;
const listeners = new Set<() => void>();

function load(path: string): LogFilter[] {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, LogFilter[]>;
    return Array.isArray(saved[path]) ? saved[path] : EMPTY;
  } catch {
    return EMPTY;
  }
}

function save(): void {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, LogFilter[]>;
    saved[workspacePath] = filters;
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(saved));
  } catch {
    // storage full or unavailable: filters still work for this window
  }
}

function emit(): void {
  for (const listener of listeners) listener();
}

export function setFilters(next: LogFilter[]): void {
  filters = next;
  save();
  emit();
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

/** Switches the store to a workspace (its own filters) without notifying twice. */
function selectWorkspace(path: string): void {
  if (path === workspacePath) return;
  workspacePath = path;
  filters = load(path);
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
