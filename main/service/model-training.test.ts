import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveMeasures, workspaceMeasures } from '../engine/measures/index.ts';
import type { Workspace } from '../engine/workspace/index.ts';
import { measuresSlaHours } from './model-training.ts';

describe('measuresSlaHours', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gemba-sla-'));
  const ws = { path: dir } as Workspace;

  it('is null while the measures set no SLA target', () => {
    const schema = workspaceMeasures(dir);
    saveMeasures(dir, { ...schema, parameters: { ...schema.parameters, slaTarget: null } });
    expect(measuresSlaHours(ws)).toBeNull();
  });

  it('reads the target in hours whatever its unit: 3 days = 72 h, 90 minutes = 1.5 h', () => {
    const schema = workspaceMeasures(dir);
    saveMeasures(dir, { ...schema, parameters: { ...schema.parameters, slaTarget: { value: 3, unit: 'days' } } });
    expect(measuresSlaHours(ws)).toBe(72);
    saveMeasures(dir, { ...schema, parameters: { ...schema.parameters, slaTarget: { value: 90, unit: 'minutes' } } });
    expect(measuresSlaHours(ws)).toBe(1.5);
  });
});
