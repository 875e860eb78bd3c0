import { describe, expect, it } from 'vitest';
import { API_CALLS, proxyOf, type GembaApi } from '../../preload/api.ts';
import { InputError } from '../engine/errors.ts';
import { dispatchCall } from './call-dispatch.ts';
import { APP_ENTRY_URL } from './security.ts';

const appFrame = { url: APP_ENTRY_URL, isMainFrame: true };

function fakeService(calls: string[]): GembaApi {
  const service = proxyOf<GembaApi>(API_CALLS, async (method, args) => {
    calls.push(method);
    if (method === 'statistics') throw new InputError('No log yet.', { hint: 'Import one.' });
    if (method === 'variants') throw new Error('boom');
    return { method, args };
  });
  return Object.assign(service, { secret: async () => 'never' });
}

describe('IPC call dispatch', () => {
  it('forwards a listed call from the app page and returns its result', async () => {
    const calls: string[] = [];
    const outcome = await dispatchCall(fakeService(calls), appFrame, 'cases', ['ws', { offset: 0, limit: 1 }]);
    expect(outcome).toEqual({ ok: true, result: { method: 'cases', args: ['ws', { offset: 0, limit: 1 }] } });
    expect(calls).toEqual(['cases']);
  });

  it('refuses a sender that is not the top frame of our page, before looking at the method', async () => {
    const calls: string[] = [];
    for (const sender of [
      { url: 'https://evil.example/', isMainFrame: true },
      { url: APP_ENTRY_URL, isMainFrame: false },
      null,
    ]) {
      const outcome = await dispatchCall(fakeService(calls), sender, 'environment', []);
      expect(outcome.ok).toBe(false);
    }
    expect(calls).toEqual([]);
  });

  it('refuses names outside API_METHODS and arguments that are not an array', async () => {
    const calls: string[] = [];
    for (const method of ['secret', 'constructor', '__proto__', 'toString', 42, null]) {
      const outcome = await dispatchCall(fakeService(calls), appFrame, method, []);
      expect(outcome).toMatchObject({ ok: false, error: { kind: 'input' } });
    }
    expect(await dispatchCall(fakeService(calls), appFrame, 'cases', 'ws')).toMatchObject({
      ok: false,
      error: { kind: 'input' },
    });
    expect(calls).toEqual([]);
  });

  it('turns thrown errors into UserFacingError', async () => {
    const service = fakeService([]);
    expect(await dispatchCall(service, appFrame, 'statistics', ['ws'])).toEqual({
      ok: false,
      error: { kind: 'input', message: 'No log yet.', hint: 'Import one.' },
    });
    expect(await dispatchCall(service, appFrame, 'variants', ['ws'])).toMatchObject({
      ok: false,
      error: { kind: 'internal', message: 'Internal error: boom' },
    });
  });
});
