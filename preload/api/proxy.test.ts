import { describe, expect, it } from 'vitest';
import { proxyOf } from './proxy.ts';

interface Calc {
  add(a: number, b: number): Promise<number>;
  name(): Promise<string>;
}

describe('proxyOf', () => {
  it('has one function per listed call, each handing its name and arguments to `call`', async () => {
    const seen: [string, unknown[]][] = [];
    const calc = proxyOf<Calc>({ add: true, name: true }, async (method, args) => {
      seen.push([method, args]);
      return method === 'add' ? (args[0] as number) + (args[1] as number) : 'calc';
    });
    expect(Object.keys(calc).sort()).toEqual(['add', 'name']);
    await expect(calc.add(2, 3)).resolves.toBe(5);
    await expect(calc.name()).resolves.toBe('calc');
    expect(seen).toEqual([
      ['add', [2, 3]],
      ['name', []],
    ]);
  });

  it('passes a rejection through unchanged', async () => {
    const failure = { kind: 'input', message: 'No log.' };
    const calc = proxyOf<Calc>({ add: true, name: true }, () => Promise.reject(failure));
    await expect(calc.name()).rejects.toBe(failure);
  });
});
