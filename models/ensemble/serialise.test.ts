import { describe, expect, it } from 'vitest';
import { InputError } from '../../main/engine/errors.ts';
import { predict } from './predict.ts';
import { randomEnsemble, randomRows } from './random-ensemble.fixture.ts';
import { ensembleFromJson, ensembleToJson } from './serialise.ts';
import type { TreeEnsemble } from './tree-ensemble.ts';

function damaged(change: (model: TreeEnsemble) => void): string {
  const model = randomEnsemble(7, { trees: 2, maxDepth: 3 });
  change(model);
  return JSON.stringify(model);
}

describe('canonical JSON', () => {
  it('round-trips a model so that every row scores the same', () => {
    const model = randomEnsemble(3, { width: 6, trees: 10, maxDepth: 6, transform: 'logistic' });
    const back = ensembleFromJson(ensembleToJson(model));
    expect(back).toEqual(model);
    const rows = randomRows(4, 500, 6, 0.15);
    expect(predict(back, rows, 500).output).toEqual(predict(model, rows, 500).output);
  });

  it.each<[string, (m: TreeEnsemble) => void, RegExp]>([
    ['format version', (m) => ((m as { formatVersion: number }).formatVersion = 2), /formatVersion/],
    ['transform', (m) => ((m as { transform: string }).transform = 'softmax'), /transform/],
    ['feature index', (m) => (m.trees[1].feature[0] = 9), /tree 1 node 0: tests feature 9/],
    ['non-float32 threshold', (m) => (m.trees[0].threshold[0] = 0.1), /not a float32/],
    ['column length', (m) => m.trees[0].cover.pop(), /tree 0\.cover/],
    ['negative cover', (m) => (m.trees[0].cover[0] = -1), /cover is negative/],
    [
      'order',
      (m) => {
        const t = m.trees[0];
        [t.left[0], t.right[0]] = [t.right[0], t.left[0]];
      },
      /pre-order/,
    ],
  ])('names the damage: %s', (_, change, message) => {
    const json = damaged(change);
    expect(() => ensembleFromJson(json)).toThrow(InputError);
    expect(() => ensembleFromJson(json)).toThrow(message);
  });

  it('refuses text that is not JSON', () => {
    expect(() => ensembleFromJson('{"formatVersion": 1,')).toThrow(/not valid JSON/);
  });
});
