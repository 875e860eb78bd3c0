import { isViewId } from './view-ids.ts';
import type { Route } from './workbench.ts';

/** The route lives in the URL hash so Back/Forward and reloads keep the user's place. */
export function parseHash(hash: string): Route {
  const text = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = text.split('?', 2);
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(query)) params[key] = value;
  // An unknown or missing view opens the workspace page, as the shell would show it anyway.
  const view = decodeURIComponent(path);
  return { view: isViewId(view) ? view : 'home', params };
}

export function formatHash(route: Route): string {
  const query = new URLSearchParams(route.params).toString();
  return `#/${encodeURIComponent(route.view)}${query ? `?${query}` : ''}`;
}
