import { useSyncExternalStore } from 'react';
import type { Environment, WorkspaceInfo } from '../../preload/api.ts';
import { knownZone } from '../components/format.ts';
import { useWorkbench } from './workbench.ts';

/**
 * The display time zone: the one zone every view shows times in and the summary counts events
 * per day by. Chosen per workspace (kept in this machine's local storage); by default the log's
 * own zone where the import recorded one (the zone a CSV's offset-less times were read in), else
 * this machine's. Stored times are instants (UTC); only their display changes.
 */
const STORAGE_KEY = 'gemba.displayZone';
const listeners = new Set<() => void>();
let version = 0;

function readAll(): Record<string, string> {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as unknown;
    return saved && typeof saved === 'object' && !Array.isArray(saved) ? (saved as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The zone chosen for a workspace, or null for the default. */
export function chosenDisplayZone(workspace: string): string | null {
  const zone = readAll()[workspace];
  return typeof zone === 'string' && zone ? zone : null;
}

/** Chooses a zone for a workspace (null: back to the default); every view follows at once. */
export function setDisplayZone(workspace: string, zone: string | null): void {
  const all = readAll();
  if (zone) all[workspace] = zone;
  else delete all[workspace];
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(all));
  } catch {
    // storage unavailable: the choice holds for this window only until reload
  }
  version++;
  for (const listener of listeners) listener();
}

export interface DisplayZone {
  zone: string;
  /** chosen: by the user; log: the zone recorded with the import; machine: this computer's. */
  source: 'chosen' | 'log' | 'machine';
}

/** The zone shown when none is chosen: the log's recorded zone, else the machine's. */
export function defaultDisplayZone(
  workspace: Pick<WorkspaceInfo, 'current'> | null,
  environment: Pick<Environment, 'timezone'>,
): DisplayZone {
  const logZone = workspace?.current?.mapping?.timezone;
  if (logZone && knownZone(logZone) === logZone) return { zone: logZone, source: 'log' };
  return { zone: knownZone(environment.timezone), source: 'machine' };
}

export function resolveDisplayZone(
  workspace: Pick<WorkspaceInfo, 'current' | 'path'> | null,
  environment: Pick<Environment, 'timezone'>,
): DisplayZone {
  const chosen = workspace ? chosenDisplayZone(workspace.path) : null;
  if (chosen && knownZone(chosen) === chosen) return { zone: chosen, source: 'chosen' };
  return defaultDisplayZone(workspace, environment);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The display zone of the open workspace; re-renders when it is changed in any view. */
export function useDisplayZone(): DisplayZone {
  const { workspace, environment } = useWorkbench();
  useSyncExternalStore(subscribe, () => version);
  return resolveDisplayZone(workspace, environment);
}
