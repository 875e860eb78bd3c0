import { useMemo } from 'react';
import { createTimeFormat, type TimeFormat } from '../components/format.ts';
import { useDisplayZone } from './display-zone.ts';

/**
 * Timestamps as the user chose to see them: the display time zone of the workspace
 * (display-zone.ts: chosen, else the log's recorded zone, else the machine's), named once in a
 * view's header via `caption`; `title(iso)` keeps the stored UTC instant for a tooltip. Every
 * view that shows event times uses this, so they all read alike.
 */
export function useTimeFormat(): TimeFormat {
  const { zone } = useDisplayZone();
  return useMemo(() => createTimeFormat(zone), [zone]);
}
