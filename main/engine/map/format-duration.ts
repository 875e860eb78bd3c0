/**
 * A duration as a label: the largest unit that keeps the number short, e.g. "3.2 d", "45 min";
 * thousands separated ("1,234 y") where even years run long (a bad clock, a default date).
 * The one engine formatter of durations (map labels, CLI, quality check texts). A negative
 * duration (a lag from clocks that disagree) keeps its sign: "-2 h".
 */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '–';
  if (seconds < 0) return `-${formatDuration(-seconds)}`;
  const units: [number, string][] = [
    [365 * 86400, 'y'],
    [30 * 86400, 'mo'],
    [7 * 86400, 'wk'],
    [86400, 'd'],
    [3600, 'h'],
    [60, 'min'],
    [1, 's'],
  ];
  for (const [size, unit] of units) {
    if (seconds >= size) {
      const value = seconds / size;
      return `${value < 10 ? trim(value.toFixed(1)) : Math.round(value).toLocaleString('en-US')} ${unit}`;
    }
  }
  return seconds > 0 ? `${trim(seconds.toFixed(1))} s` : 'instant';
}

function trim(text: string): string {
  return text.endsWith('.0') ? text.slice(0, -2) : text;
}

/**
 * Working time as a map label, in hours: a working day is the calendar's hours, not 24, so "d"
 * would mislead. "104 h", "7.5 h", "45 min"; nothing at all is "0 h", never "instant" (a wait
 * outside working hours still took wall-clock time).
 */
export function formatWorkingDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  if (seconds <= 0) return '0 h';
  const hours = seconds / 3600;
  if (hours >= 10) return `${Math.round(hours).toLocaleString('en-US')} h`;
  if (hours >= 1) return `${trim(hours.toFixed(1))} h`;
  const minutes = seconds / 60;
  return minutes >= 1 ? `${Math.round(minutes)} min` : `${Math.max(1, Math.round(seconds))} s`;
}
