import { formatDuration } from '../../components/format.ts';

/** "addedCycleTimeHours" → "added cycle time". */
export function keyInWords(key: string): string {
  const words = key
    .replace(/(Hours|Seconds)$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A finding's effect on the KPIs as label and text: hours and seconds read as durations ("1 d 17 h"),
 * shares as percent, the rest as they are. Keys come from the models (models/anomaly, models/predict).
 */
export function kpiEffectLines(effect: Record<string, number | string | null>): [string, string][] {
  const lines: [string, string][] = [];
  for (const [key, value] of Object.entries(effect)) {
    if (value === null || value === undefined) continue;
    let text: string;
    if (typeof value === 'string') text = value;
    else if (key.endsWith('Hours')) text = formatDuration(value * 3600);
    else if (key.endsWith('Seconds')) text = formatDuration(value);
    else if (/share|rate|probability/i.test(key)) text = `${(100 * value).toFixed(1)}%`;
    else text = Number.isInteger(value) ? value.toLocaleString('en') : value.toFixed(2);
    lines.push([keyInWords(key), text]);
  }
  return lines;
}
