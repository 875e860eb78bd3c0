import { describe, expect, it } from 'vitest';
import { ModelRegistry } from '../registry/index.ts';
import { generatedLog } from '../features/generated-log.fixture.ts';
import { driftSince } from './drift-since.ts';
import { subLog, trainAnomalyModel } from './train-anomaly-model.ts';
import { Workspace } from '../../main/engine/workspace/workspace.ts';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { SHIFT } from '../../bench/generator/order-to-cash.ts';

describe('driftSince', () => {
  it('finds the generator’s shift: trained before 2021-07, the later cases wait 3× longer at Check Credit', () => {
    const { log } = generatedLog(4_000, 3);
    const shiftAt = Date.parse(SHIFT.date);
    const before = Uint8Array.from({ length: log.caseCount }, (_, c) =>
      log.timestamp[log.caseStart[c]] < shiftAt ? 1 : 0,
    );
    const after = Uint8Array.from(before, (b) => 1 - b);
    const ws = Workspace.create(mkdtempSync(join(tmpdir(), 'gemba-drift-')));
    try {
      const model = new ModelRegistry(ws).save(
        trainAnomalyModel(subLog(log, before), {
          basis: { importId: 1, fileName: 'x', sha256: 'x', fixesInForce: [], filters: [] },
        }),
      );
      const drift = driftSince(log, after, model);
      const wait = drift.find((d) => d.feature === 'waiting time before Check Credit')!;
      expect(wait.level).toBe('shift');
      // Verify Identity appears only after the shift: the training data never saw it, so its
      // features do not exist in the model; what moves is what the model knows.
      expect(drift[0].psi).toBeGreaterThanOrEqual(wait.psi);
      const same = driftSince(log, before, model);
      expect(same.every((d) => d.psi < 1e-9)).toBe(true);
    } finally {
      ws.close();
    }
  });
});
