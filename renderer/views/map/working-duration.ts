/**
 * Working time in hours, as the map labels it (main/engine/map/format-duration.ts): a working
 * day is the calendar's hours, not 24, so days would mislead. "104 h", "7.5 h", "45 min"; no
 * working time at all is "0 h", never "0 s" or "instant" — the wall clock beside it says how long
 * it really took.
 */
export function formatWorkingDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  if (seconds <= 0) return '0 h';
  const hours = seconds / 3600;
  if (hours >= 10) return `${Math.round(hours).toLocaleString('en-US')} h`;
  if (hours >= 1) return `${hours.toFixed(1).replace(/\.0$/, '')} h`;
  const minutes = seconds / 60;
  return minutes >= 1 ? `${Math.round(minutes)} min` : `${Math.max(1, Math.round(seconds))} s`;
}
