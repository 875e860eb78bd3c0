import type { CaseMask, EventLog } from '../../main/engine/eventlog/index.ts';
import { encodeCases, type ProcessStatistics } from '../features/index.ts';
import { featureDrift, type FeatureDrift, type ModelRecord } from '../registry/index.ts';
import type { AnomalyModelDetails } from './anomaly-model.ts';

/**
 * How far the cases of `log` have drifted from the data an anomaly model was trained on: PSI per
 * feature, encoded with the model's own statistics (so a feature means what it meant then),
 * largest first; `mask` keeps the cases to compare (null: every case). A shift (PSI > 0.25) in
 * features the model leans on is a reason to retrain.
 */
export function driftSince(log: EventLog, mask: CaseMask | null, model: ModelRecord): FeatureDrift[] {
  const details = model.details as AnomalyModelDetails;
  const matrix = encodeCases(log, model.encoding as ProcessStatistics, { mask });
  return featureDrift(details.drift, model.featureNames, matrix.values, matrix.rows).sort((a, b) => b.psi - a.psi);
}
