import { useEffect, useRef, useState } from 'react';

/**
 * How many rows of a long list to put in the page: a first screenful, then another batch each
 * time the end of what is shown scrolls into view. Making hundreds of rows of many elements at
 * once blocks the window for a large fraction of a second (the map's variant list: 215 rows,
 * ~10,000 elements, 150–240 ms); a batch is a few tens of milliseconds.
 */
export function nextCount(shown: number, total: number, batch: number): number {
  return Math.min(total, shown + batch);
}

/**
 * `count` rows to render out of `total`, and a ref for an element after the last of them: when
 * it comes within a screen of view (in its scrolling box, or the window), `batch` more rows follow.
 * A new `resetKey` (other data) starts again from the first batch.
 */
export function useGrowingList<T extends HTMLElement>(total: number, batch: number, resetKey: unknown) {
  const [state, setState] = useState({ key: resetKey, count: batch });
  if (state.key !== resetKey) setState({ key: resetKey, count: batch });
  const count = Math.min(total, state.key === resetKey ? state.count : batch);
  const end = useRef<T | null>(null);

  useEffect(() => {
    const el = end.current;
    if (!el || count >= total || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting))
          setState((s) => ({ key: s.key, count: nextCount(Math.max(s.count, count), total, batch) }));
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [count, total, batch]);

  return { count, end };
}
