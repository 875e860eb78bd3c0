/**
 * How two activity labels compare. Used on the activity dictionary (one entry per distinct
 * label), never per event, so plain string code is fine here.
 */

/**
 * The form two labels share when they differ only in letter case, spacing or separators:
 * `Approve Order`, `approve order `, `Approve_Order` all become `approve order`.
 */
export function normalizeLabel(label: string): string {
  return label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.]+/gu, ' ')
    .trim();
}

/**
 * Optimal-string-alignment Damerau-Levenshtein distance (insert, delete, substitute, swap two
 * neighbours), giving up with `max + 1` as soon as the distance must exceed `max`.
 */
export function damerauLevenshtein(a: string, b: string, max = Infinity): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  let prev2 = new Int32Array(m + 1);
  let prev = new Int32Array(m + 1);
  let row = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    row[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, prev2[j - 2] + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, row] = [prev, row, prev2];
  }
  return prev[m];
}

/** Jaro-Winkler similarity in 0..1 (prefix scale 0.1, prefix up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(n, m) / 2) - 1);
  const matchedA = new Uint8Array(n);
  const matchedB = new Uint8Array(m);
  let matches = 0;
  for (let i = 0; i < n; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(m - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (matchedB[j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      matchedA[i] = 1;
      matchedB[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < n; i++) {
    if (!matchedA[i]) continue;
    while (!matchedB[j]) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
    j++;
  }
  const jaro = (matches / n + matches / m + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < n && prefix < m && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Edits a typo may plausibly contain: none for short labels, where one letter changes the word. */
export function allowedEdits(length: number): number {
  if (length < 5) return 0;
  return length < 12 ? 1 : 2;
}

/** Labels that differ only in their numbers (`Step 1`, `Step 2`) are different steps, not typos. */
export function differOnlyInDigits(a: string, b: string): boolean {
  return a.replace(/\d+/gu, '#') === b.replace(/\d+/gu, '#');
}

/**
 * Labels that differ only in a short word (`get review 3` / `get review X`, `Plan A` / `Plan B`)
 * name numbered or lettered variants of a step, not a typo of it.
 */
export function differInShortToken(a: string, b: string): boolean {
  const ta = a.split(' ');
  const tb = b.split(' ');
  if (ta.length !== tb.length) return false;
  let differing = false;
  for (let i = 0; i < ta.length; i++) {
    if (ta[i] === tb[i]) continue;
    if (ta[i].length > 2 && tb[i].length > 2) return false;
    differing = true;
  }
  return differing;
}

/** Two normalized labels that look like the same step spelled differently. */
export function areNearDuplicates(a: string, b: string, minJaroWinkler = 0.9): boolean {
  if (a === b) return true;
  if (/\d/u.test(a) && /\d/u.test(b) && differOnlyInDigits(a, b)) return false;
  if (differInShortToken(a, b)) return false;
  const max = allowedEdits(Math.min(a.length, b.length));
  if (max === 0) return false;
  if (damerauLevenshtein(a, b, max) > max) return false;
  return jaroWinkler(a, b) >= minJaroWinkler;
}
