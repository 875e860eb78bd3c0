import { lazy, type ComponentType } from 'react';

/**
 * A view whose code is fetched and run the first time it is opened. The start screen needs none
 * of the workspace views; bundled together they made the page's first script a single task of
 * 150–350 ms before anything showed (the window could not paint or take a key meanwhile).
 */
export function lazyView<M extends Record<K, ComponentType>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): ComponentType {
  return lazy(async () => {
    const view: ComponentType = (await load())[name];
    return { default: view };
  });
}
