/**
 * Every view a route can name (the URL hash #/<id>, data-testid="nav-<id>"), in navigation order.
 * A view added to app/views.ts needs its id here first; a link to a view that does not exist is
 * then a compile error rather than a silent fall-back to the workspace page.
 */
export const VIEW_IDS = [
  'home',
  'import',
  'summary',
  'map',
  'cases',
  'statistics',
  'pareto',
  'compare',
  'measures',
  'control-chart',
  'quality',
  'findings',
  'running',
  'models',
] as const;

export type ViewId = (typeof VIEW_IDS)[number];

export function isViewId(text: string): text is ViewId {
  return (VIEW_IDS as readonly string[]).includes(text);
}
