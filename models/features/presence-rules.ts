/**
 * When is a step usual? For each activity, a small rule (a decision tree of depth ≤ 2) says in
 * which cases it is present, from the presence of other activities and the case's numeric
 * attributes: "Approve Order is present in 99% of cases with amount > 5000 and Pick Items".
 * A case that lacks a step its own leaf nearly always has is missing a usual step, which an
 * unconditional presence rate cannot see (most cases have no approval at all).
 *
 * Splits minimise the entropy of presence (greedy, like CART with log-loss); a split must lower
 * it by at least MIN_GAIN_NATS per case to be kept.
 */
export type PresenceCondition =
  | { kind: 'activity'; activity: number; present: boolean }
  | { kind: 'attribute'; attribute: number; above: boolean; threshold: number };

export interface PresenceLeaf {
  when: PresenceCondition[];
  /** Training cases in the leaf with the activity, and all training cases in the leaf. */
  present: number;
  total: number;
}

export interface PresenceRule {
  /** Index into the statistics' activity list. */
  activity: number;
  leaves: PresenceLeaf[];
}

const MIN_GAIN_NATS = 0.001;
/** A leaf needs this many training cases, so one odd case cannot make its own rule. */
const MIN_LEAF = 20;

export interface PresenceData {
  cases: number;
  /** cases × activities, 1 where the activity occurs in the case. */
  presence: Uint8Array;
  activities: number;
  /** Per numeric attribute: value per case (NaN missing) and case indices sorted by value, NaN excluded. */
  attributes: { values: Float64Array; sorted: Int32Array }[];
}

export function sortedByValue(values: Float64Array): Int32Array {
  const idx: number[] = [];
  for (let c = 0; c < values.length; c++) if (!Number.isNaN(values[c])) idx.push(c);
  idx.sort((a, b) => values[a] - values[b]);
  return Int32Array.from(idx);
}

export function fitPresenceRule(data: PresenceData, target: number): PresenceRule {
  const all = new Uint8Array(data.cases).fill(1);
  const root = bestSplit(data, target, all);
  if (!root) return { activity: target, leaves: [leafOf(data, target, all, [])] };
  const leaves: PresenceLeaf[] = [];
  for (const side of [root, negate(root)]) {
    const members = membersOf(data, side, all);
    const inner = bestSplit(data, target, members);
    if (!inner) leaves.push(leafOf(data, target, members, [side]));
    else
      for (const c of [inner, negate(inner)]) leaves.push(leafOf(data, target, membersOf(data, c, members), [side, c]));
  }
  return { activity: target, leaves };
}

/** Probability (Laplace-smoothed) that the rule's activity is present in a case, and the leaf used. */
export function presenceProbability(
  rule: PresenceRule,
  holds: (c: PresenceCondition) => boolean,
): { p: number; leaf: PresenceLeaf } {
  for (const leaf of rule.leaves) {
    if (leaf.when.every(holds)) return { p: (leaf.present + 1) / (leaf.total + 2), leaf };
  }
  const leaf = rule.leaves[rule.leaves.length - 1];
  return { p: (leaf.present + 1) / (leaf.total + 2), leaf };
}

export function conditionHolds(
  cond: PresenceCondition,
  present: (activity: number) => boolean,
  attribute: (index: number) => number,
): boolean {
  if (cond.kind === 'activity') return present(cond.activity) === cond.present;
  const v = attribute(cond.attribute);
  // A missing value counts as "not above": the side the training split sent missing values to.
  const above = !Number.isNaN(v) && v > cond.threshold;
  return above === cond.above;
}

function negate(c: PresenceCondition): PresenceCondition {
  return c.kind === 'activity' ? { ...c, present: !c.present } : { ...c, above: !c.above };
}

function membersOf(data: PresenceData, cond: PresenceCondition, within: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.cases);
  for (let c = 0; c < data.cases; c++) {
    if (!within[c]) continue;
    out[c] = conditionHolds(
      cond,
      (a) => data.presence[c * data.activities + a] === 1,
      (k) => data.attributes[k].values[c],
    )
      ? 1
      : 0;
  }
  return out;
}

function leafOf(data: PresenceData, target: number, members: Uint8Array, when: PresenceCondition[]): PresenceLeaf {
  let present = 0;
  let total = 0;
  for (let c = 0; c < data.cases; c++) {
    if (!members[c]) continue;
    total++;
    present += data.presence[c * data.activities + target];
  }
  return { when, present, total };
}

/** n · H(pos / n) in nats. */
function entropy(pos: number, n: number): number {
  if (n === 0 || pos === 0 || pos === n) return 0;
  const p = pos / n;
  return -n * (p * Math.log(p) + (1 - p) * Math.log(1 - p));
}

function bestSplit(data: PresenceData, target: number, members: Uint8Array): PresenceCondition | null {
  const A = data.activities;
  let n = 0;
  let pos = 0;
  // Cross-tab of target presence against every other activity's presence, in one pass.
  const withB = new Float64Array(A);
  const posWithB = new Float64Array(A);
  for (let c = 0; c < data.cases; c++) {
    if (!members[c]) continue;
    n++;
    const y = data.presence[c * A + target];
    pos += y;
    for (let b = 0; b < A; b++) {
      if (data.presence[c * A + b]) {
        withB[b]++;
        posWithB[b] += y;
      }
    }
  }
  const parent = entropy(pos, n);
  if (parent === 0 || n < 2 * MIN_LEAF) return null;
  let best: PresenceCondition | null = null;
  let bestCost = parent - MIN_GAIN_NATS * n;
  for (let b = 0; b < A; b++) {
    if (b === target || withB[b] < MIN_LEAF || n - withB[b] < MIN_LEAF) continue;
    const cost = entropy(posWithB[b], withB[b]) + entropy(pos - posWithB[b], n - withB[b]);
    if (cost < bestCost) {
      bestCost = cost;
      best = { kind: 'activity', activity: b, present: true };
    }
  }
  for (let k = 0; k < data.attributes.length; k++) {
    const { values, sorted } = data.attributes[k];
    // Missing values start on the left ("not above") side.
    let leftN = 0;
    let leftPos = 0;
    for (let c = 0; c < data.cases; c++) {
      if (members[c] && Number.isNaN(values[c])) {
        leftN++;
        leftPos += data.presence[c * A + target];
      }
    }
    const list = sorted.filter((c) => members[c] === 1);
    for (let j = 0; j < list.length - 1; j++) {
      const c = list[j];
      leftN++;
      leftPos += data.presence[c * A + target];
      // Only between distinct values.
      if (values[list[j + 1]] === values[c]) continue;
      if (leftN < MIN_LEAF || n - leftN < MIN_LEAF) continue;
      const cost = entropy(leftPos, leftN) + entropy(pos - leftPos, n - leftN);
      if (cost < bestCost) {
        bestCost = cost;
        best = { kind: 'attribute', attribute: k, above: true, threshold: values[c] };
      }
    }
  }
  return best;
}
