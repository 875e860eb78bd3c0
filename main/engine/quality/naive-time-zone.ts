import type { QualityFix } from '../../../preload/api.ts';

/**
 * The zone timestamps without an offset are now read in: the `toZone` of the last time-zone fix
 * in force, else the zone recorded with the import (CSV mapping). Null when neither says (an XES
 * import with no time-zone fix): the caller must ask the user. A new time-zone fix starts from
 * this zone, so that fixes in a row compose (UTC → Berlin, then Berlin → London).
 */
export function naiveTimeZone(
  importZone: string | null | undefined,
  fixesInForce: readonly QualityFix[],
): string | null {
  for (let k = fixesInForce.length - 1; k >= 0; k--) {
    const fix = fixesInForce[k];
    if (fix.kind === 'set_timezone') return fix.params.toZone;
  }
  return importZone || null;
}
