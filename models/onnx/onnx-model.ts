/**
 * Field numbers of the ONNX messages Gemba writes (onnx/onnx.proto, IR version 8), and helpers
 * that write one message each. Only what a tree-ensemble graph needs.
 */
import { ProtobufWriter } from './protobuf-writer.ts';

export const IR_VERSION = 8;
/** Default-domain opset: 17 is the newest that IR version 8 pairs with. */
export const DEFAULT_OPSET = 17;
/** ai.onnx.ml opset 3: without an explicit import onnxruntime assumes 5 and refuses TreeEnsembleRegressor v3. */
export const ML_OPSET = 3;
export const ML_DOMAIN = 'ai.onnx.ml';

const TENSOR_FLOAT = 1; // TensorProto.DataType.FLOAT
const ATTRIBUTE = { FLOAT: 1, INT: 2, STRING: 3, FLOATS: 6, INTS: 7, STRINGS: 8 } as const;

export type AttributeValue =
  | { kind: 'int'; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'ints'; value: ArrayLike<number> }
  | { kind: 'floats'; value: ArrayLike<number> }
  | { kind: 'strings'; value: readonly string[] };

export interface OnnxNode {
  opType: string;
  domain?: string;
  name: string;
  inputs: string[];
  outputs: string[];
  attributes?: Record<string, AttributeValue>;
}

/** A float tensor input/output with a symbolic batch dimension: [batch, width]. */
export interface OnnxValue {
  name: string;
  /** Each dimension: a number (fixed) or a string (symbolic, e.g. 'N'). */
  shape: (number | string)[];
}

export interface OnnxGraph {
  name: string;
  nodes: OnnxNode[];
  /** Scalar float constants (e.g. the 2 of Pow(2, ·)). */
  scalars: { name: string; value: number }[];
  inputs: OnnxValue[];
  outputs: OnnxValue[];
}

export interface OnnxModelInfo {
  producerVersion: string;
  docString: string;
  /** Key/value pairs stored in the model (feature names, transform, …). */
  metadata: Record<string, string>;
}

function writeAttribute(m: ProtobufWriter, name: string, attribute: AttributeValue): void {
  m.stringField(1, name);
  switch (attribute.kind) {
    case 'float':
      m.floatField(2, attribute.value).varintField(20, ATTRIBUTE.FLOAT);
      break;
    case 'int':
      m.varintField(3, attribute.value).varintField(20, ATTRIBUTE.INT);
      break;
    case 'string':
      m.stringField(4, attribute.value).varintField(20, ATTRIBUTE.STRING);
      break;
    case 'floats':
      m.packedFloats(7, attribute.value).varintField(20, ATTRIBUTE.FLOATS);
      break;
    case 'ints':
      m.packedVarints(8, attribute.value).varintField(20, ATTRIBUTE.INTS);
      break;
    case 'strings':
      for (const s of attribute.value) m.stringField(9, s);
      m.varintField(20, ATTRIBUTE.STRINGS);
      break;
  }
}

function writeNode(m: ProtobufWriter, node: OnnxNode): void {
  for (const input of node.inputs) m.stringField(1, input);
  for (const output of node.outputs) m.stringField(2, output);
  m.stringField(3, node.name).stringField(4, node.opType);
  for (const [name, attribute] of Object.entries(node.attributes ?? {}))
    m.messageField(5, (a) => writeAttribute(a, name, attribute));
  if (node.domain) m.stringField(7, node.domain);
}

function writeValueInfo(m: ProtobufWriter, value: OnnxValue): void {
  m.stringField(1, value.name);
  m.messageField(2, (type) =>
    type.messageField(1, (tensor) => {
      tensor.varintField(1, TENSOR_FLOAT);
      tensor.messageField(2, (shape) => {
        for (const dim of value.shape) {
          shape.messageField(1, (d) => (typeof dim === 'number' ? d.varintField(1, dim) : d.stringField(2, dim)));
        }
      });
    }),
  );
}

function writeGraph(m: ProtobufWriter, graph: OnnxGraph): void {
  for (const node of graph.nodes) m.messageField(1, (n) => writeNode(n, node));
  m.stringField(2, graph.name);
  for (const scalar of graph.scalars) {
    // TensorProto: no dims (a scalar), data_type FLOAT, float_data, name.
    m.messageField(5, (t) =>
      t.varintField(2, TENSOR_FLOAT).packedFloats(4, [scalar.value]).stringField(8, scalar.name),
    );
  }
  for (const input of graph.inputs) m.messageField(11, (v) => writeValueInfo(v, input));
  for (const output of graph.outputs) m.messageField(12, (v) => writeValueInfo(v, output));
}

/** The bytes of a ModelProto: IR version 8, default opset and ai.onnx.ml opset 3 imported explicitly. */
export function writeOnnxModel(graph: OnnxGraph, info: OnnxModelInfo): Uint8Array {
  const m = new ProtobufWriter();
  m.varintField(1, IR_VERSION);
  m.stringField(2, 'gemba').stringField(3, info.producerVersion);
  m.stringField(6, info.docString);
  m.messageField(7, (g) => writeGraph(g, graph));
  m.messageField(8, (o) => o.stringField(1, '').varintField(2, DEFAULT_OPSET));
  m.messageField(8, (o) => o.stringField(1, ML_DOMAIN).varintField(2, ML_OPSET));
  for (const [key, value] of Object.entries(info.metadata))
    m.messageField(14, (p) => p.stringField(1, key).stringField(2, value));
  return m.finish();
}
