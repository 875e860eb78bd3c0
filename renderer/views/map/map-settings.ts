import type { FrequencyMeasure, MapView, PerformanceMeasure, WorkingCalendar } from '../../../preload/api.ts';

/**
 * How the user set up the map of one workspace: sliders, view, measures, calendar, open panel.
 * Kept for the window's session (sessionStorage, per workspace and import) so that going to the
 * summary and back returns to the same map; a new import starts again from a readable default.
 */
export interface MapSettings {
  activities: number;
  paths: number;
  view: MapView;
  frequencyMeasure: FrequencyMeasure;
  performanceMeasure: PerformanceMeasure;
  showBottlenecks: boolean;
  useCalendar: boolean;
  calendar: WorkingCalendar;
  panel: 'variants' | 'selection' | 'bottlenecks';
  /**
   * True on a log's first view until its map fits at a readable scale: the view lowers the
   * activities slider while the fitted map is unreadable. Moving the slider ends it.
   */
  fitActivities?: boolean;
}

const STORAGE_KEY = 'gemba.map-settings';

/** At most this many activities on the first view of a log: more are unreadable at fit. */
export const READABLE_ACTIVITIES = 15;
export const DEFAULT_PATHS = 0.3;

/**
 * The activities slider position that shows at most `READABLE_ACTIVITIES` of `total`
 * activities: the engine shows ceil(position × total), and the slider moves in steps of 0.01.
 */
export function readableActivities(total: number, readable = READABLE_ACTIVITIES): number {
  if (total <= readable) return 1;
  return Math.max(0.01, Math.floor((readable / total) * 100) / 100);
}

export function defaultSettings(totalActivities: number, timezone: string): MapSettings {
  return {
    activities: readableActivities(totalActivities),
    paths: DEFAULT_PATHS,
    view: 'frequency',
    frequencyMeasure: 'absolute',
    performanceMeasure: 'mean',
    showBottlenecks: true,
    useCalendar: false,
    // The machine's zone: "9 to 5" means the user's local working day, not UTC's.
    calendar: { weekdays: [1, 2, 3, 4, 5], startHour: 9, endHour: 17, holidays: [], timezone },
    panel: 'variants',
    fitActivities: true,
  };
}

interface Saved {
  importId: number | null;
  settings: MapSettings;
}

function readAll(): Record<string, Saved> {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}') as unknown;
    return saved && typeof saved === 'object' ? (saved as Record<string, Saved>) : {};
  } catch {
    return {};
  }
}

/** The settings saved for this workspace's current import, if any. */
export function loadSettings(workspace: string, importId: number | null): MapSettings | null {
  const entry = readAll()[workspace];
  return entry && entry.importId === importId && entry.settings && typeof entry.settings.activities === 'number'
    ? entry.settings
    : null;
}

export function saveSettings(workspace: string, importId: number | null, settings: MapSettings): void {
  try {
    const all = readAll();
    all[workspace] = { importId, settings };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(all));
  } catch {
    // storage full or unavailable: the settings still hold while the view is open
  }
}
