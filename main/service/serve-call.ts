import type { ApiMethod, GembaApi } from '../../preload/api.ts';
import { checkCallArguments } from './call-arguments.ts';

/**
 * One call as it arrives off a wire (the engine thread's messages, an in-process proxy): the
 * arguments checked and normalised once, then answered by the service.
 */
export function serveCall(api: GembaApi, method: ApiMethod, args: readonly unknown[]): Promise<unknown> {
  const checked = checkCallArguments(method, args);
  return (api[method] as (...a: unknown[]) => Promise<unknown>).apply(api, checked);
}
