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

/**
 * An anomaly's score is about 1/p − 1 summed over features (p a tail probability): its rarity
 * log10(1 + score) is a power of ten a person can read ("5.9": about 1 case in 740,000 is as
 * unusual), where the raw score (7.36e+5, 8.52e+7) is not. Bounded by the model's soft cap.
 */
export function rarityOf(score: number): number {
  return Math.log10(1 + Math.max(0, score));
}

/** "1 in 740,000": 10^rarity to two significant digits. */
export function oneIn(rarity: number): string {
  return `1 in ${Number((10 ** rarity).toPrecision(2)).toLocaleString('en')}`;
}

/** A finding's score in the list: rarity for unusual cases and types, hours for bottlenecks. */
export function shortScore(f: { kind: string; score: number }): string {
  return f.kind === 'bottleneck' ? `+${f.score.toFixed(1)} h` : rarityOf(f.score).toFixed(1);
}
