import { APP_VERSION } from '../../main/engine/app-version.ts';
import { validateEnsemble } from '../ensemble/serialise.ts';
import type { TreeEnsemble } from '../ensemble/tree-ensemble.ts';
import { ML_DOMAIN, writeOnnxModel, type OnnxGraph, type OnnxNode } from './onnx-model.ts';

/** Names of the graph's input and outputs, as onnxruntime sees them. */
export const ONNX_INPUT = 'features';
export const ONNX_OUTPUT = 'score';
/** Present only when the transform is not the identity: the raw sum before the transform. */
export const ONNX_RAW_OUTPUT = 'raw';

/**
 * The tree-ensemble attributes of one TreeEnsembleRegressor: every tree's nodes contiguous and in
 * pre-order (onnxruntime takes a tree's first node as its root), BRANCH_LEQ splits on float32
 * thresholds, NaN to the true (left) branch where `missingGoesLeft`, one target.
 */
function regressorNode(ensemble: TreeEnsemble, output: string): OnnxNode {
  let size = 0;
  let leaves = 0;
  for (const tree of ensemble.trees) {
    size += tree.feature.length;
    for (const f of tree.feature) if (f < 0) leaves++;
  }
  const treeIds = new Int32Array(size);
  const nodeIds = new Int32Array(size);
  const featureIds = new Int32Array(size);
  const modes: string[] = new Array(size);
  const thresholds = new Float32Array(size);
  const trueIds = new Int32Array(size);
  const falseIds = new Int32Array(size);
  const missingTrue = new Int32Array(size);
  const targetTree = new Int32Array(leaves);
  const targetNode = new Int32Array(leaves);
  const targetWeight = new Float32Array(leaves);
  let k = 0;
  let leaf = 0;
  ensemble.trees.forEach((tree, t) => {
    for (let i = 0; i < tree.feature.length; i++, k++) {
      treeIds[k] = t;
      nodeIds[k] = i;
      if (tree.feature[i] >= 0) {
        featureIds[k] = tree.feature[i];
        modes[k] = 'BRANCH_LEQ';
        thresholds[k] = tree.threshold[i];
        trueIds[k] = tree.left[i];
        falseIds[k] = tree.right[i];
        missingTrue[k] = tree.missingGoesLeft[i] ? 1 : 0;
      } else {
        modes[k] = 'LEAF';
        targetTree[leaf] = t;
        targetNode[leaf] = i;
        targetWeight[leaf++] = tree.value[i];
      }
    }
  });
  return {
    opType: 'TreeEnsembleRegressor',
    domain: ML_DOMAIN,
    name: 'trees',
    inputs: [ONNX_INPUT],
    outputs: [output],
    attributes: {
      n_targets: { kind: 'int', value: 1 },
      aggregate_function: { kind: 'string', value: 'SUM' },
      post_transform: { kind: 'string', value: 'NONE' },
      base_values: { kind: 'floats', value: [ensemble.baseScore] },
      nodes_treeids: { kind: 'ints', value: treeIds },
      nodes_nodeids: { kind: 'ints', value: nodeIds },
      nodes_featureids: { kind: 'ints', value: featureIds },
      nodes_modes: { kind: 'strings', value: modes },
      nodes_values: { kind: 'floats', value: thresholds },
      nodes_truenodeids: { kind: 'ints', value: trueIds },
      nodes_falsenodeids: { kind: 'ints', value: falseIds },
      nodes_missing_value_tracks_true: { kind: 'ints', value: missingTrue },
      target_ids: { kind: 'ints', value: new Int32Array(leaves) },
      target_treeids: { kind: 'ints', value: targetTree },
      target_nodeids: { kind: 'ints', value: targetNode },
      target_weights: { kind: 'floats', value: targetWeight },
    },
  };
}

/**
 * The ONNX bytes of a tree ensemble: input `features` float32 [N, F], output `score` float32
 * [N, 1]. The transform is added as graph nodes because a regressor ignores `post_transform`:
 * logistic → 1 / (1 + Exp(Neg(raw))) (a Sigmoid node's kernel is approximate), exp2neg → Pow(2, Neg(raw)); then `raw` [N, 1] is a second output.
 * `metadata` is stored in the model (e.g. model id, version, data fingerprint).
 */
export function ensembleToOnnx(ensemble: TreeEnsemble, metadata: Record<string, string> = {}): Uint8Array {
  validateEnsemble(ensemble);
  if (ensemble.trees.length === 0) {
    // onnxruntime refuses a TreeEnsembleRegressor without nodes; a constant model is one leaf.
    ensemble = {
      ...ensemble,
      trees: [
        { feature: [-1], threshold: [0], left: [-1], right: [-1], missingGoesLeft: [false], value: [0], cover: [0] },
      ],
    };
  }
  const width = ensemble.featureNames.length;
  const batch = 'N';
  const graph: OnnxGraph = {
    name: 'gemba_tree_ensemble',
    nodes: [],
    scalars: [],
    inputs: [{ name: ONNX_INPUT, shape: [batch, width] }],
    outputs: [{ name: ONNX_OUTPUT, shape: [batch, 1] }],
  };
  if (ensemble.transform === 'identity') {
    graph.nodes.push(regressorNode(ensemble, ONNX_OUTPUT));
  } else {
    graph.nodes.push(regressorNode(ensemble, ONNX_RAW_OUTPUT));
    graph.outputs.push({ name: ONNX_RAW_OUTPUT, shape: [batch, 1] });
    if (ensemble.transform === 'logistic') {
      // 1 / (1 + e^−raw) spelled out: onnxruntime's Sigmoid kernel is a fast approximation that
      // is off by ~2e-5 relative at probabilities near 0.003; Exp and Reciprocal are exact to float32.
      graph.scalars.push({ name: 'one', value: 1 });
      graph.nodes.push({ opType: 'Neg', name: 'negate', inputs: [ONNX_RAW_OUTPUT], outputs: ['negated'] });
      graph.nodes.push({ opType: 'Exp', name: 'exp', inputs: ['negated'], outputs: ['odds_against'] });
      graph.nodes.push({ opType: 'Add', name: 'plus_one', inputs: ['odds_against', 'one'], outputs: ['denominator'] });
      graph.nodes.push({ opType: 'Reciprocal', name: 'logistic', inputs: ['denominator'], outputs: [ONNX_OUTPUT] });
    } else {
      graph.scalars.push({ name: 'two', value: 2 });
      graph.nodes.push({ opType: 'Neg', name: 'negate', inputs: [ONNX_RAW_OUTPUT], outputs: ['negated'] });
      graph.nodes.push({ opType: 'Pow', name: 'exp2neg', inputs: ['two', 'negated'], outputs: [ONNX_OUTPUT] });
    }
  }
  return writeOnnxModel(graph, {
    producerVersion: APP_VERSION,
    docString: `Gemba tree ensemble: ${ensemble.trees.length} trees, transform ${ensemble.transform}.`,
    metadata: { ...metadata, transform: ensemble.transform, featureNames: JSON.stringify(ensemble.featureNames) },
  });
}
