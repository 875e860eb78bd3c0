import { useCallback, useEffect, useRef, useState } from 'react';
import type { UserFacingError } from '../../preload/api.ts';
import { toUserFacingError } from '../api/gemba-error.ts';

export type AsyncState<T> =
  | { status: 'loading'; value: T | null; error: null }
  | { status: 'ready'; value: T; error: null }
  | { status: 'failed'; value: T | null; error: UserFacingError };

export interface AsyncOptions {
  /**
   * At most one call in flight: while the engine lays out one map, slider moves only replace the
   * next request, so dragging a slider never queues up stale layouts and the answer always
   * catches up with where the slider is now. Without it every change starts a call at once.
   */
  coalesce?: boolean;
}

/**
 * The one hook for data from the API: runs the call whenever its dependencies change and keeps
 * only the latest answer, so a slow earlier call can never overwrite a newer one. While a newer
 * call runs, the previous value stays shown (status 'loading' with `value`).
 */
export function useAsync<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
  options: AsyncOptions = {},
): AsyncState<T> & { reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading', value: null, error: null });
  const [tick, setTick] = useState(0);
  const generation = useRef(0);
  // coalesce: the call running now and the latest one asked for meanwhile.
  const inFlight = useRef(false);
  const pending = useRef<(() => Promise<T>) | null>(null);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  useEffect(() => {
    const mine = ++generation.current;
    setState((previous) => ({ status: 'loading', value: previous.value, error: null }));
    if (!options.coalesce) {
      load().then(
        (value) => {
          if (generation.current === mine) setState({ status: 'ready', value, error: null });
        },
        (error: unknown) => {
          if (generation.current === mine)
            setState((previous) => ({ status: 'failed', value: previous.value, error: toUserFacingError(error) }));
        },
      );
      return;
    }
    pending.current = load;
    const run = () => {
      const next = pending.current;
      if (!next || inFlight.current) return;
      pending.current = null;
      inFlight.current = true;
      next()
        .then(
          (value) => {
            if (alive.current)
              setState(
                pending.current !== null
                  ? { status: 'loading', value, error: null }
                  : { status: 'ready', value, error: null },
              );
          },
          (error: unknown) => {
            if (!alive.current) return;
            setState((previous) =>
              pending.current !== null
                ? { status: 'loading', value: previous.value, error: null }
                : { status: 'failed', value: previous.value, error: toUserFacingError(error) },
            );
          },
        )
        .finally(() => {
          inFlight.current = false;
          run();
        });
    };
    run();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names the inputs of `load` in deps
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
