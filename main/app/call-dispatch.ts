import { isApiMethod, type CallOutcome, type GembaApi } from '../../preload/api.ts';
import { toUserFacingError } from '../engine/errors.ts';
import { isTrustedSender } from './security.ts';

/**
 * One IPC call, checked: the sender must be our app page's top frame, the method one of
 * API_METHODS, the arguments an array. Electron-free so it is unit-tested directly.
 */
export async function dispatchCall(
  service: GembaApi,
  sender: { url: string; isMainFrame: boolean } | null | undefined,
  method: unknown,
  args: unknown,
): Promise<CallOutcome> {
  if (!isTrustedSender(sender)) {
    return { ok: false, error: { kind: 'internal', message: 'Refused a call from a page that is not Gemba.' } };
  }
  if (!isApiMethod(method)) {
    return { ok: false, error: { kind: 'input', message: `There is no call named "${String(method)}".` } };
  }
  if (!Array.isArray(args)) {
    return { ok: false, error: { kind: 'input', message: 'The call arguments must be an array.' } };
  }
  try {
    const fn = service[method] as (...a: unknown[]) => Promise<unknown>;
    return { ok: true, result: await fn.apply(service, args) };
  } catch (error) {
    return { ok: false, error: toUserFacingError(error) };
  }
}

/**
 * The engine's API with some calls answered by the Electron shell instead (those that need a
 * window or a native dialog, such as saveExport); every other call goes to the engine as before.
 */
export function withDesktopCalls(service: GembaApi, calls: Partial<GembaApi>): GembaApi {
  return new Proxy(service, {
    get(target, property, receiver) {
      return Object.prototype.hasOwnProperty.call(calls, property)
        ? calls[property as keyof GembaApi]
        : Reflect.get(target, property, receiver);
    },
  });
}
