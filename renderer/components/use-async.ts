import { useCallback, useEffect, useRef, useState } from 'react';
import type { UserFacingError } from '../../preload/api.ts';
import { toUserFacingError } from '../api/gemba-error.ts';

export type AsyncState<T> =
  | { status: 'loading'; value: T | null; error: null }
  | { status: 'ready'; value: T; error: null }
  | { status: 'failed'; value: T | null; error: UserFacingError };

/**
 * Runs an API call whenever its dependencies change and keeps only the latest answer, so a slow
 * earlier call can never overwrite a newer one.
 */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> & { reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading', value: null, error: null });
  const [tick, setTick] = useState(0);
  const generation = useRef(0);

  useEffect(() => {
    const mine = ++generation.current;
    setState((previous) => ({ status: 'loading', value: previous.value, error: null }));
    load().then(
      (value) => {
        if (generation.current === mine) setState({ status: 'ready', value, error: null });
      },
      (error: unknown) => {
        if (generation.current === mine) setState((previous) => ({ status: 'failed', value: previous.value, error: toUserFacingError(error) }));
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names the inputs of `load` in deps
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
