import { useEffect, useRef, useState } from 'react';
import type { UserFacingError } from '../../../preload/api.ts';
import { toUserFacingError } from '../../api/gemba-error.ts';

export interface CoalescedState<T> {
  value: T | null;
  error: UserFacingError | null;
  loading: boolean;
}

/**
 * Like useAsync, but at most one call is in flight: while the engine lays out one map, slider
 * moves only replace the next request, so dragging a slider never queues up stale layouts and
 * the map always catches up with where the slider is now.
 */
export function useCoalesced<T>(load: () => Promise<T>, key: string): CoalescedState<T> {
  const [state, setState] = useState<CoalescedState<T>>({ value: null, error: null, loading: true });
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
    pending.current = load;
    const run = () => {
      const next = pending.current;
      if (!next || inFlight.current) return;
      pending.current = null;
      inFlight.current = true;
      setState((s) => ({ ...s, loading: true }));
      next().then(
        (value) => {
          if (alive.current) setState({ value, error: null, loading: pending.current !== null });
        },
        (error: unknown) => {
          if (alive.current) setState((s) => ({ value: s.value, error: toUserFacingError(error), loading: pending.current !== null }));
        },
      ).finally(() => {
        inFlight.current = false;
        run();
      });
    };
    run();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names everything `load` reads
  }, [key]);

  return state;
}
