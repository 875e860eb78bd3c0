import type { LogFilter, MapView, WorkingCalendar } from '../../../preload/api.ts';
import type { EventLog } from '../eventlog/event-log.ts';
import { processMap } from './process-map.ts';

export interface RenderMapOptions {
  /** Activities slider 0..1; default 1 (all). */
  activities?: number;
  /** Paths slider 0..1; default 1 (all). */
  paths?: number;
  view?: MapView;
  /** Case mask from `caseMask`; or give `filters`. */
  mask?: Uint8Array | null;
  filters?: LogFilter[];
  calendar?: WorkingCalendar | null;
}

/** The map as a standalone SVG document, for `gemba map WS --out map.svg`. */
export async function renderMapSvg(log: EventLog, options: RenderMapOptions = {}): Promise<string> {
  const map = await processMap(
    log,
    { activities: options.activities ?? 1, paths: options.paths ?? 1, view: options.view ?? 'frequency', filters: options.filters, calendar: options.calendar },
    options.mask,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n${map.svg}`;
}
