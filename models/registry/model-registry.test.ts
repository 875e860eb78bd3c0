import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../main/engine/workspace/workspace.ts';
import { canonicalJson, dataFingerprint, ModelRegistry } from './index.ts';

const ws = Workspace.create(mkdtempSync(join(tmpdir(), 'gemba-registry-')));
afterAll(() => ws.close());
const basis = {
  importId: 3,
  fileName: 'orders.csv',
  sha256: 'ab12',
  fixesInForce: [{ id: 1, kind: 'drop_duplicates' }],
  filters: [],
  cases: 10,
  events: 80,
};

describe('canonicalJson and dataFingerprint', () => {
  it('ignores key order and undefined members, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: undefined, b: null }] })).toBe('{"a":[2,{"b":null,"d":3}],"b":1}');
    const shuffled = {
      events: 80,
      cases: 10,
      filters: [],
      fixesInForce: [{ kind: 'drop_duplicates', id: 1 }],
      sha256: 'ab12',
      fileName: 'orders.csv',
      importId: 3,
    };
    expect(dataFingerprint(shuffled)).toBe(dataFingerprint(basis));
    expect(dataFingerprint({ ...basis, fixesInForce: [] })).not.toBe(dataFingerprint(basis));
  });

  it('is the first 16 hex digits of SHA-256 of the canonical JSON', () => {
    const hex = createHash('sha256').update(canonicalJson(basis)).digest('hex');
    expect(dataFingerprint(basis)).toBe(`sha256:${hex.slice(0, 16)}`);
  });
});

describe('ModelRegistry', () => {
  const registry = new ModelRegistry(ws);
  const model = (kind: string) => ({
    kind,
    onnx: Uint8Array.of(8, 1, 2, 3),
    ensembleJson: '{"formatVersion":1}',
    featureNames: ['x'],
    encoding: { a: 1 },
    details: { b: [1, 2] },
    basis,
    metrics: { mae: 1.5 },
    trainingMs: 12,
  });

  it('versions per kind and reads back every field, bytes included', () => {
    const a1 = registry.save(model('anomaly'));
    const r1 = registry.save(model('remaining-time'));
    const a2 = registry.save(model('anomaly'));
    expect([a1.label, r1.label, a2.label]).toEqual(['anomaly v1', 'remaining-time v1', 'anomaly v2']);
    const back = registry.get(a2.id);
    expect(Array.from(back.onnx)).toEqual([8, 1, 2, 3]);
    expect(back).toMatchObject({
      featureNames: ['x'],
      encoding: { a: 1 },
      details: { b: [1, 2] },
      basis,
      metrics: { mae: 1.5 },
      trainingMs: 12,
    });
    expect(registry.latest('anomaly')!.id).toBe(a2.id);
    expect(registry.latest('outcome')).toBeNull();
    expect(registry.list().map((m) => m.label)).toEqual(['anomaly v2', 'remaining-time v1', 'anomaly v1']);
    expect(() => registry.get(999)).toThrow(/not in this workspace/);
  });

  it('opens an older workspace idempotently (tables created once)', () => {
    expect(() => new ModelRegistry(ws)).not.toThrow();
    expect(new ModelRegistry(ws).list()).toHaveLength(3);
  });
});
