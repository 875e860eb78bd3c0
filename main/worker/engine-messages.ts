import type { JobEvent, UserFacingError } from '../../preload/api.ts';

/** Messages between the engine proxy (engine-service.ts) and the engine thread (engine-worker.ts). */
export type ToEngine = { type: 'call'; id: number; method: string; args: unknown[] } | { type: 'close' };

export type FromEngine =
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; error: UserFacingError }
  | { type: 'job'; event: JobEvent }
  | { type: 'closed' };
