import { InputError } from '../../main/engine/errors.ts';
import type { OutputTransform, Tree, TreeEnsemble } from './tree-ensemble.ts';

const TRANSFORMS: readonly OutputTransform[] = ['identity', 'logistic', 'exp2neg'];
const TREE_FIELDS = ['feature', 'threshold', 'left', 'right', 'missingGoesLeft', 'value', 'cover'] as const;

/**
 * The canonical JSON copy of a model (stored beside its ONNX bytes). Numbers are written as
 * JavaScript doubles; thresholds are float32 values, which doubles hold exactly, so a round trip
 * routes every row the same way.
 */
export function ensembleToJson(ensemble: TreeEnsemble): string {
  validateEnsemble(ensemble);
  return JSON.stringify(ensemble);
}

/** Reads and checks a canonical JSON model; a malformed one is an InputError saying where. */
export function ensembleFromJson(json: string): TreeEnsemble {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new InputError(`The model file is not valid JSON (${(error as Error).message}).`, {
      hint: 'The stored model is damaged; retrain the model.',
    });
  }
  validateEnsemble(parsed);
  return parsed;
}

function fail(where: string, what: string): never {
  throw new InputError(`Model ${where}: ${what}.`, {
    hint: 'The stored model is damaged or was written by another version; retrain the model.',
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks the shape the scorer, ONNX exporter and TreeSHAP rely on: parallel arrays of one length,
 * feature indices in range, float32 thresholds, finite values, non-negative covers, and nodes in
 * pre-order with the root first (each split's left child right after it, every node reached once).
 */
export function validateEnsemble(value: unknown): asserts value is TreeEnsemble {
  if (!isRecord(value)) fail('', 'is not an object');
  if (value.formatVersion !== 1) fail('formatVersion', `is ${String(value.formatVersion)}, this version reads 1`);
  const names = value.featureNames;
  if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === 'string')) {
    fail('featureNames', 'must be a non-empty list of names');
  }
  if (typeof value.baseScore !== 'number' || !Number.isFinite(value.baseScore))
    fail('baseScore', 'must be a finite number');
  if (!TRANSFORMS.includes(value.transform as OutputTransform)) {
    fail('transform', `is ${JSON.stringify(value.transform)}, expected one of ${TRANSFORMS.join(', ')}`);
  }
  if (!Array.isArray(value.trees)) fail('trees', 'must be a list');
  value.trees.forEach((tree: unknown, t: number) => validateTree(tree, `tree ${t}`, names.length));
}

function validateTree(tree: unknown, where: string, width: number): asserts tree is Tree {
  if (!isRecord(tree)) fail(where, 'is not an object');
  const n = Array.isArray(tree.feature) ? tree.feature.length : -1;
  if (n < 1) fail(where, 'has no nodes');
  for (const field of TREE_FIELDS) {
    const column = tree[field];
    if (!Array.isArray(column) || column.length !== n) fail(`${where}.${field}`, `must be a list of ${n} entries`);
  }
  const t = tree as unknown as Tree;
  for (let i = 0; i < n; i++) {
    const at = `${where} node ${i}`;
    const f = t.feature[i];
    if (!Number.isInteger(f) || f < -1 || f >= width) fail(at, `tests feature ${f}, outside 0..${width - 1}`);
    if (typeof t.missingGoesLeft[i] !== 'boolean') fail(at, 'missingGoesLeft must be true or false');
    for (const field of ['threshold', 'value', 'cover'] as const) {
      if (typeof t[field][i] !== 'number' || !Number.isFinite(t[field][i]))
        fail(at, `${field} must be a finite number`);
    }
    if (t.cover[i] < 0) fail(at, 'cover is negative');
    if (f >= 0 && Math.fround(t.threshold[i]) !== t.threshold[i])
      fail(at, `threshold ${t.threshold[i]} is not a float32 value`);
    if (f === -1 && (t.left[i] !== -1 || t.right[i] !== -1)) fail(at, 'is a leaf but has children');
  }
  // Walk the tree in pre-order: node k of the walk must be stored at index k.
  const stack = [0];
  let visited = 0;
  while (stack.length) {
    const node = stack.pop()!;
    if (node !== visited) fail(`${where}`, `nodes are not in pre-order (expected node ${visited}, found ${node})`);
    visited++;
    if (t.feature[node] >= 0) {
      const l = t.left[node];
      const r = t.right[node];
      if (!Number.isInteger(l) || !Number.isInteger(r) || l <= node || r <= node || l >= n || r >= n) {
        fail(`${where} node ${node}`, `has children ${l}, ${r} outside ${node + 1}..${n - 1}`);
      }
      stack.push(r, l);
    }
  }
  if (visited !== n) fail(where, `${n - visited} nodes are not reached from the root`);
}
