import type { QualityCheck } from '../../../preload/api.ts';
import type { EventLog } from '../eventlog/index.ts';
import { ExampleList, eventExample, percent, plural } from './check-result.ts';
import { areNearDuplicates, normalizeLabel } from './label-similarity.ts';

export interface InconsistentLabelsOptions {
  /**
   * A spelling counts as a near-duplicate of another only when it is at most this share as
   * frequent: typos are rare, while two real steps with similar names are both common.
   */
  nearDuplicateMaxShare?: number;
  /** Similarity a near-duplicate must reach besides the edit-distance bound. */
  minJaroWinkler?: number;
  /** Upper bound on label comparisons, so a log with tens of thousands of labels stays fast. */
  maxComparisons?: number;
}

export interface LabelMerge {
  /** variant label → canonical label (the most frequent spelling of the group). */
  map: Record<string, string>;
  /** Events carrying each activity code. */
  counts: Int32Array;
  comparisonsSkipped: boolean;
}

interface Group {
  normalized: string;
  codes: number[];
  count: number;
  /** Code of the most frequent label in the group. */
  canonical: number;
  /** Index of the group this one was folded into as a near-duplicate, or -1. */
  parent: number;
}

/**
 * Proposes a merge map over the activity dictionary. Labels that are equal after
 * normalization (case, spacing, separators) always merge; a group whose normalized form is a
 * near-duplicate spelling of a much more frequent group merges into it. Cost is per distinct
 * label, not per event, apart from one pass to count events per label.
 */
export function proposeLabelMerge(log: EventLog, options: InconsistentLabelsOptions = {}): LabelMerge {
  const maxShare = options.nearDuplicateMaxShare ?? 0.2;
  const minJw = options.minJaroWinkler ?? 0.9;
  const maxComparisons = options.maxComparisons ?? 2_000_000;
  const counts = new Int32Array(log.activities.length);
  for (let i = 0; i < log.eventCount; i++) counts[log.activity[i]]++;

  const byForm = new Map<string, Group>();
  for (let code = 0; code < log.activities.length; code++) {
    if (counts[code] === 0) continue;
    const form = normalizeLabel(log.activities[code]);
    let group = byForm.get(form);
    if (!group) {
      group = { normalized: form, codes: [], count: 0, canonical: code, parent: -1 };
      byForm.set(form, group);
    }
    group.codes.push(code);
    group.count += counts[code];
    if (counts[code] > counts[group.canonical]) group.canonical = code;
  }

  // Most frequent first, so each group can only fold into one that is more frequent than it.
  const groups = [...byForm.values()].sort((a, b) => b.count - a.count || a.canonical - b.canonical);
  let comparisons = 0;
  let comparisonsSkipped = false;
  for (let g = 1; g < groups.length; g++) {
    const group = groups[g];
    for (let h = 0; h < g; h++) {
      const root = groups[h];
      if (root.parent >= 0) continue;
      if (group.count > maxShare * root.count) break; // later roots are rarer still
      if (++comparisons > maxComparisons) {
        comparisonsSkipped = true;
        break;
      }
      if (areNearDuplicates(group.normalized, root.normalized, minJw)) {
        group.parent = h;
        break;
      }
    }
  }

  const map: Record<string, string> = {};
  for (const group of groups) {
    let root = group;
    while (root.parent >= 0) root = groups[root.parent];
    const canonical = log.activities[root.canonical];
    for (const code of group.codes) if (code !== root.canonical) map[log.activities[code]] = canonical;
  }
  return { map, counts, comparisonsSkipped };
}

/** Activity labels that are probably one activity spelled several ways. */
export function inconsistentLabels(log: EventLog, options: InconsistentLabelsOptions = {}): QualityCheck {
  const { map, counts, comparisonsSkipped } = proposeLabelMerge(log, options);
  const codeOf = new Map<string, number>();
  log.activities.forEach((label, code) => codeOf.set(label, code));
  const variants = Object.keys(map);
  let count = 0;
  for (const label of variants) count += counts[codeOf.get(label)!];

  // First event of each variant label, so every example links to a real row.
  const firstEvent = new Int32Array(log.activities.length).fill(-1);
  const firstCase = new Int32Array(log.activities.length).fill(-1);
  if (variants.length > 0) {
    for (let c = 0; c < log.caseCount; c++) {
      for (let i = log.caseStart[c]; i < log.caseStart[c + 1]; i++) {
        const a = log.activity[i];
        if (firstEvent[a] < 0) {
          firstEvent[a] = i;
          firstCase[a] = c;
        }
      }
    }
  }
  const ordered = variants.sort((a, b) => counts[codeOf.get(b)!] - counts[codeOf.get(a)!]);
  const examples = new ExampleList();
  const breakdown: { label: string; count: number; detail: string }[] = [];
  for (const label of ordered) {
    const code = codeOf.get(label)!;
    const detail = `"${label}" → "${map[label]}"`;
    breakdown.push({ label, count: counts[code], detail });
    examples.add(eventExample(log, firstCase[code], firstEvent[code], `${detail} (${plural(counts[code], 'event')})`));
  }
  return {
    kind: 'inconsistent_labels',
    title: 'Inconsistent activity labels',
    severity: count === 0 ? 'info' : 'warning',
    applicable: true,
    count,
    unit: 'events with a variant label',
    explanation:
      count === 0
        ? 'No two activity labels differ only in case, spacing or a likely typo.'
        : `${plural(variants.length, 'label')} look like variants of another label (case, spacing or a likely typo), ` +
          `on ${plural(count, 'event')} (${percent(count, log.eventCount)}). Each variant splits one step into several ` +
          'nodes of the map. Review the proposed merge map before applying it.' +
          (comparisonsSkipped ? ' The log has so many labels that not every pair was compared.' : ''),
    examples: examples.items,
    breakdown,
    fix:
      count === 0
        ? null
        : {
            kind: 'merge_labels',
            description: `Merge ${plural(variants.length, 'variant label')} into their most frequent spelling`,
            params: { map },
          },
  };
}
