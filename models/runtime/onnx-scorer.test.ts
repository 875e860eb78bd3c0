import { describe, expect, it } from 'vitest';
import { InputError } from '../../main/engine/errors.ts';
import { predict } from '../ensemble/predict.ts';
import { randomEnsemble, randomRows } from '../ensemble/random-ensemble.fixture.ts';
import { ensembleFromJson, ensembleToJson } from '../ensemble/serialise.ts';
import type { TreeEnsemble } from '../ensemble/tree-ensemble.ts';
import { ensembleToOnnx } from '../onnx/export-onnx.ts';
import { OnnxScorer } from './onnx-scorer.ts';

/** ONNX sums leaves in float32; the in-process scorer in float64. Relative 1e-5 (floor 1e-6 absolute near 0). */
function expectClose(onnx: Float32Array, inProcess: Float64Array): void {
  expect(onnx.length).toBe(inProcess.length);
  let worst = 0;
  for (let i = 0; i < onnx.length; i++) {
    worst = Math.max(worst, Math.abs(onnx[i] - inProcess[i]) / Math.max(Math.abs(inProcess[i]), 0.1));
  }
  expect(worst).toBeLessThan(1e-5);
}

async function scoreBoth(model: TreeEnsemble, rows: Float32Array, nRows: number, batchRows?: number) {
  const scorer = await OnnxScorer.open(ensembleToOnnx(model), { batchRows });
  try {
    return { onnx: await scorer.score(rows, nRows), inProcess: predict(model, rows, nRows) };
  } finally {
    await scorer.close();
  }
}

describe('ONNX export scored by onnxruntime', () => {
  it.each(['identity', 'logistic', 'exp2neg'] as const)(
    'equals the in-process scorer (%s), NaN features included',
    async (transform) => {
      const model = randomEnsemble(11, { width: 7, trees: 40, maxDepth: 6, transform });
      const rows = randomRows(12, 3000, 7, 0.2);
      const { onnx, inProcess } = await scoreBoth(model, rows, 3000, 1000);
      expectClose(onnx.output, inProcess.output);
      expectClose(onnx.raw, inProcess.raw);
    },
  );

  it('routes values equal to a threshold left in float32, as the in-process scorer does', async () => {
    const model = randomEnsemble(5, { width: 3, trees: 10, maxDepth: 5 });
    // Every threshold as a feature value, in every column: boundary cases on each split.
    const thresholds = model.trees.flatMap((t) => t.threshold.filter((_, i) => t.feature[i] >= 0));
    const rows = new Float32Array(thresholds.length * 3);
    thresholds.forEach((t, r) => rows.fill(t, r * 3, r * 3 + 3));
    const { onnx, inProcess } = await scoreBoth(model, rows, thresholds.length);
    expectClose(onnx.output, inProcess.output);
  });

  it('scores a model with single-leaf trees and one with no trees (the base score)', async () => {
    const leafOnly: TreeEnsemble = {
      ...randomEnsemble(2, { width: 2, trees: 3, maxDepth: 2 }),
      baseScore: 0.5,
    };
    leafOnly.trees.push({
      feature: [-1],
      threshold: [0],
      left: [-1],
      right: [-1],
      missingGoesLeft: [false],
      value: [0.25],
      cover: [3],
    });
    const rows = randomRows(3, 50, 2);
    const a = await scoreBoth(leafOnly, rows, 50);
    expectClose(a.onnx.output, a.inProcess.output);
    const empty = await scoreBoth({ ...leafOnly, trees: [], transform: 'logistic' }, rows, 50);
    expect(Array.from(empty.onnx.output).every((v) => Math.abs(v - 1 / (1 + Math.exp(-0.5))) < 1e-6)).toBe(true);
  });

  it('a model saved as bytes and JSON and reopened scores the same', async () => {
    const model = randomEnsemble(21, { width: 5, trees: 25, maxDepth: 5, transform: 'logistic' });
    const bytes = Buffer.from(ensembleToOnnx(model, { modelId: 'test' }));
    const json = ensembleToJson(model);
    const rows = randomRows(22, 800, 5, 0.1);
    const before = await scoreBoth(model, rows, 800);
    // "Reopen": new byte buffer (as read from disk) and the parsed JSON.
    const reopened = await OnnxScorer.open(new Uint8Array(bytes));
    const after = await reopened.score(rows, 800);
    await reopened.close();
    expect(after.output).toEqual(before.onnx.output);
    expect(predict(ensembleFromJson(json), rows, 800).output).toEqual(before.inProcess.output);
  });

  it('refuses damaged bytes and a feature matrix of the wrong width with InputError', async () => {
    await expect(OnnxScorer.open(new Uint8Array([1, 2, 3, 4]))).rejects.toThrow(InputError);
    const scorer = await OnnxScorer.open(ensembleToOnnx(randomEnsemble(1, { width: 4 })));
    expect(scorer.width).toBe(4);
    await expect(scorer.score(new Float32Array(10), 2)).rejects.toThrow(InputError);
    expect((await scorer.score(new Float32Array(0), 0)).output.length).toBe(0);
    await scorer.close();
    await scorer.close();
    await expect(scorer.score(new Float32Array(4), 1)).rejects.toThrow(/closed/);
  });
});
