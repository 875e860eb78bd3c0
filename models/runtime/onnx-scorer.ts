/**
 * The only importer of onnxruntime-node: opens ONNX bytes (no file, no network) and scores
 * row-major Float32Array feature matrices in batches on the CPU.
 */
import type { InferenceSession } from 'onnxruntime-node';
import { InputError } from '../../main/engine/errors.ts';
import { ONNX_INPUT, ONNX_OUTPUT, ONNX_RAW_OUTPUT } from '../onnx/export-onnx.ts';

type OnnxRuntime = typeof import('onnxruntime-node');

export interface OnnxScores {
  /** The model's output per row (after its transform), float32 as onnxruntime computes it. */
  output: Float32Array;
  /** The raw sum before the transform (equal to `output` for an identity model). */
  raw: Float32Array;
}

export interface OnnxScorerOptions {
  /** Threads onnxruntime may use inside one run (default 1: training and engine threads share the CPU). */
  threads?: number;
  /** Rows per onnxruntime run (default 65,536), to bound the memory of one call. */
  batchRows?: number;
}

export class OnnxScorer {
  private closed = false;
  private constructor(
    private readonly session: InferenceSession,
    private readonly ort: OnnxRuntime,
    /** Features per row the model reads. */
    readonly width: number,
    private readonly hasRaw: boolean,
    private readonly batchRows: number,
  ) {}

  /** Opens a model from its bytes, as written by `ensembleToOnnx`. */
  static async open(bytes: Uint8Array, options: OnnxScorerOptions = {}): Promise<OnnxScorer> {
    const threads = options.threads ?? 1;
    // Loaded on first use: the native runtime is heavy, and only scoring needs it.
    const ort: OnnxRuntime = await import('onnxruntime-node');
    let session: InferenceSession;
    try {
      session = await ort.InferenceSession.create(bytes, {
        executionProviders: ['cpu'],
        intraOpNumThreads: threads,
        interOpNumThreads: 1,
        graphOptimizationLevel: 'all',
      });
    } catch (error) {
      throw new InputError(`The stored ONNX model cannot be opened (${(error as Error).message}).`, {
        hint: 'The model file is damaged or was written by another version; retrain the model.',
      });
    }
    const input = session.inputMetadata.find((m) => m.name === ONNX_INPUT);
    const shape = input && input.isTensor ? input.shape : [];
    const width = shape[1];
    if (typeof width !== 'number' || !session.outputNames.includes(ONNX_OUTPUT)) {
      await session.release();
      throw new InputError(`The ONNX model has no input "${ONNX_INPUT}" [N, F] or no output "${ONNX_OUTPUT}".`, {
        hint: 'Only models exported by Gemba can be scored here; retrain the model.',
      });
    }
    return new OnnxScorer(
      session,
      ort,
      width,
      session.outputNames.includes(ONNX_RAW_OUTPUT),
      options.batchRows ?? 65_536,
    );
  }

  /** Scores `nRows` rows of `features` (row-major, `width` per row; NaN = missing). */
  async score(features: Float32Array, nRows: number): Promise<OnnxScores> {
    if (this.closed) throw new Error('This ONNX scorer was closed; open the model again to score.');
    if (!Number.isInteger(nRows) || nRows < 0 || features.length !== nRows * this.width) {
      throw new InputError(
        `The feature matrix has ${features.length} values, but ${nRows} rows × ${this.width} features need ${nRows * this.width}.`,
        { hint: 'Compute the features with the encodings saved with this model.' },
      );
    }
    const output = new Float32Array(nRows);
    const raw = this.hasRaw ? new Float32Array(nRows) : output;
    for (let start = 0; start < nRows; start += this.batchRows) {
      const rows = Math.min(this.batchRows, nRows - start);
      const slice = features.subarray(start * this.width, (start + rows) * this.width);
      const result = await this.session.run({
        [ONNX_INPUT]: new this.ort.Tensor('float32', slice, [rows, this.width]),
      });
      output.set(result[ONNX_OUTPUT].data as Float32Array, start);
      if (this.hasRaw) raw.set(result[ONNX_RAW_OUTPUT].data as Float32Array, start);
      for (const tensor of Object.values(result)) tensor.dispose();
    }
    return { output, raw };
  }

  /** Frees onnxruntime's native memory; the scorer cannot be used afterwards. Closing twice is harmless. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.session.release();
  }
}
