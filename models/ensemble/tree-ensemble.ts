/**
 * The canonical form of every tree model Gemba trains: what `models/train` produces, what
 * `models/onnx` writes as an ONNX TreeEnsembleRegressor, what the in-process scorer and TreeSHAP
 * (`models/explain`) read, and what the registry stores as JSON beside the ONNX bytes.
 *
 * Routing follows onnxruntime exactly so the in-process scorer, TreeSHAP and ONNX agree:
 * features and thresholds are float32 (`Math.fround`), a node sends x to `left` when
 * `x <= threshold` (BRANCH_LEQ), and a missing value (NaN) goes to `left` when `missingGoesLeft`
 * (ONNX `nodes_missing_value_tracks_true` = 1), otherwise right.
 *
 * Nodes of a tree are stored in pre-order with the root at index 0 (ONNX takes the first node of
 * a tree id as its root). A leaf has `feature[i] === -1`; its `left`/`right` are -1.
 */
export interface Tree {
  /** Feature index tested at each node; -1 marks a leaf. */
  feature: number[];
  /** float32 threshold at each split node (0 at leaves). */
  threshold: number[];
  /** Index of the left (x <= threshold) child, -1 at leaves. */
  left: number[];
  /** Index of the right child, -1 at leaves. */
  right: number[];
  /** Where a missing value goes at each split node. */
  missingGoesLeft: boolean[];
  /** Leaf output (already scaled by the learning rate); 0 at split nodes. */
  value: number[];
  /** Training rows (or summed hessians) that reached each node: TreeSHAP needs them. */
  cover: number[];
}

/**
 * How the raw sum `baseScore + Σ tree outputs` becomes the model's output:
 * - `identity`: regression (e.g. remaining time on the log1p scale is undone by the caller);
 * - `logistic`: probability, 1 / (1 + e^-s) (ONNX: an added Sigmoid node);
 * - `exp2neg`: isolation-forest style, 2^-s where s is the normalised mean path length.
 */
export type OutputTransform = 'identity' | 'logistic' | 'exp2neg';

export interface TreeEnsemble {
  /** Bump when the layout of this interface changes; stored with every model. */
  formatVersion: 1;
  featureNames: string[];
  baseScore: number;
  trees: Tree[];
  transform: OutputTransform;
}
