import { useMemo } from 'react';
import { createTimeFormat, type TimeFormat } from '../components/format.ts';
import { useWorkbench } from './workbench.ts';

/**
 * Timestamps as the user's clock shows them: the machine's time zone (environment().timezone),
 * named once in a view's header via `caption`; `title(iso)` keeps the stored UTC instant for a
 * tooltip. Every view that shows event times uses this, so they all read alike.
 */
export function useTimeFormat(): TimeFormat {
  const { environment } = useWorkbench();
  return useMemo(() => createTimeFormat(environment.timezone), [environment.timezone]);
}
