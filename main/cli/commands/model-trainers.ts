import type { EventLog } from '../../engine/eventlog/event-log.ts';
import type { Workspace } from '../../engine/workspace/workspace.ts';
import { driftSince, scoreFindings, trainAnomalyModel } from '../../../models/anomaly/index.ts';
import { FindingsStore, ModelRegistry, type DataBasis, type ModelKind } from '../../../models/registry/index.ts';
import type { ParsedArgs } from '../args.ts';

/** What one trainer gets: the current log (filters as a mask), its basis, the workspace, the command's flags. */
export interface TrainInput {
  workspace: Workspace;
  log: EventLog;
  mask: Uint8Array | null;
  basis: Omit<DataBasis, 'cases' | 'events'>;
  args: ParsedArgs;
  onProgress: (phase: string, done: number) => void;
}

/** What `gemba train --json` prints per model. */
export interface TrainOutcome {
  kind: ModelKind;
  modelVersion: string;
  dataFingerprint: string;
  metrics: Record<string, number | string | null>;
  trainingMs: number;
  findings?: Record<string, number>;
  /** Feature drift of the current log against the previous version's training data (PSI, largest first). */
  driftSincePrevious?: { model: string; features: { feature: string; psi: number; level: string }[]; shifted: number };
}

export interface ModelTrainer {
  kind: ModelKind;
  summary: string;
  /** Extra flags the trainer reads (added to the command's value flags). */
  valueFlags: readonly string[];
  /** Null when the log supports this model, else why not (then `gemba train` without --model skips it). */
  unsupported(log: EventLog, args: ParsedArgs): string | null;
  train(input: TrainInput): Promise<TrainOutcome>;
}

const anomalyTrainer: ModelTrainer = {
  kind: 'anomaly',
  summary: 'case anomalies (tail-probability ensemble over process-aware features), scored into findings and exception types',
  valueFlags: [],
  unsupported: (log) => (log.caseCount < 50 ? `it needs at least 50 cases (the log has ${log.caseCount})` : null),
  async train({ workspace, log, mask, basis, onProgress }) {
    const registry = new ModelRegistry(workspace);
    const previous = registry.latest('anomaly');
    const drift = previous ? driftSince(log, previous, mask) : null;
    const model = registry.save(trainAnomalyModel(log, { basis, mask }, { onProgress }));
    onProgress('scoring findings', 1);
    const { findings } = await scoreFindings(log, model, { mask });
    new FindingsStore(workspace).record(model.id, basis.importId, findings);
    const counts: Record<string, number> = {};
    for (const f of findings) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
    return {
      kind: 'anomaly',
      modelVersion: model.label,
      dataFingerprint: model.dataFingerprint,
      metrics: model.metrics,
      trainingMs: model.trainingMs,
      findings: counts,
      ...(previous && drift
        ? { driftSincePrevious: { model: previous.label, features: drift.slice(0, 5), shifted: drift.filter((d) => d.level === 'shift').length } }
        : {}),
    };
  },
};

/** The models `gemba train` can train, in the order it trains them; add a trainer here and it is offered. */
export const MODEL_TRAINERS: readonly ModelTrainer[] = [anomalyTrainer];
