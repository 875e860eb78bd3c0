import { describe, expect, it } from 'vitest';
import { randomEnsemble } from '../ensemble/random-ensemble.fixture.ts';
import { ensembleToOnnx } from './export-onnx.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const utf8hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');

// The facts onnxruntime needs, checked in the bytes (field numbers from onnx/onnx.proto):
// ModelProto.ir_version = 1 (varint 8 → 08 08); opset_import = 8, OperatorSetIdProto
// { domain = 1, version = 2 }: "ai.onnx.ml" version 3 → 42 0e 0a 0a <ai.onnx.ml> 10 03, and the
// default domain (empty string) version 17 → 42 04 0a 00 10 11.
describe('ensembleToOnnx bytes', () => {
  const bytes = hex(ensembleToOnnx(randomEnsemble(1, { transform: 'exp2neg' })));

  it('starts with IR version 8', () => {
    expect(bytes.startsWith('0808')).toBe(true);
  });

  it('imports ai.onnx.ml opset 3 explicitly and the default opset 17', () => {
    expect(bytes).toContain('420e0a0a' + utf8hex('ai.onnx.ml') + '1003');
    expect(bytes).toContain('42040a001011');
  });

  it('names the operators: TreeEnsembleRegressor in ai.onnx.ml, then Neg and Pow for 2^−raw', () => {
    for (const name of [
      'TreeEnsembleRegressor',
      'BRANCH_LEQ',
      'LEAF',
      'nodes_missing_value_tracks_true',
      'n_targets',
      'Neg',
      'Pow',
    ]) {
      expect(bytes).toContain(utf8hex(name));
    }
    expect(bytes).not.toContain(utf8hex('Sigmoid'));
  });
});
