import { InputError } from '../../main/engine/errors.ts';
import type { ShapValues } from './tree-shap.ts';

/**
 * For an isolation-forest model (transform exp2neg) TreeSHAP explains the raw score, the normalised
 * mean path length: a NEGATIVE contribution shortened the path, i.e. made the case MORE anomalous.
 * People read "the biggest bar is the cause", so this turns them around: per row, each feature's
 * share in isolating the case (positive = pushed towards anomalous), and the features ordered by it.
 */
export interface AnomalyCause {
  feature: number;
  /** −contribution: how much the feature shortened the normalised mean path length. */
  towardsAnomalous: number;
}

/** The oriented contributions of every row (n × F), positive = made the row more anomalous. */
export function orientForAnomaly(shap: ShapValues): Float64Array {
  return Float64Array.from(shap.contributions, (c) => (c === 0 ? 0 : -c));
}

/** The `top` features that made row `row` most anomalous, largest first (only those pushing that way). */
export function anomalyCauses(shap: ShapValues, row: number, top = shap.width): AnomalyCause[] {
  if (!Number.isInteger(row) || row < 0 || row >= shap.nRows)
    throw new InputError(`Row ${row} is not among the ${shap.nRows} explained rows.`);
  const causes: AnomalyCause[] = [];
  for (let f = 0; f < shap.width; f++) {
    const towardsAnomalous = -shap.contributions[row * shap.width + f];
    if (towardsAnomalous > 0) causes.push({ feature: f, towardsAnomalous });
  }
  causes.sort((a, b) => b.towardsAnomalous - a.towardsAnomalous || a.feature - b.feature);
  return causes.slice(0, top);
}
