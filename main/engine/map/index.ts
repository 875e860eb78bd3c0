/** Process maps: simplification, layout and rendering over the directly-follows graph. */
export { bottlenecks } from './bottlenecks.ts';
export { formatDuration, formatWorkingDuration } from './format-duration.ts';
export { layoutLevels, mapToDot, renderDot } from './layout.ts';
export { processMap, processMapGraph } from './process-map.ts';
export { standaloneSvg } from './render-map.ts';
export { pathKey, selectActivities, simplifyPaths } from './simplify.ts';
export { mapSelection } from './map-selection.ts';
export { handoverLog, handoverMap } from './handover.ts';
export { replayPaths } from './replay.ts';
export { segmentDifferences } from './segments.ts';
