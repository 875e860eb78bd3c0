import type { ComponentType } from 'react';
import { lazyView } from './lazy-view.ts';
import { SidebarFilters } from '../views/map/sidebar-filters.tsx';
import { HealthBadge } from '../views/quality/health-badge.tsx';
import { DisplayZonePicker } from './display-zone-picker.tsx';
import type { ViewDefinition } from './view-definition.ts';
import type { ViewId } from './view-ids.ts';

export type { ViewDefinition };

/**
 * Every view of an open workspace, in navigation order. To add a view: create
 * renderer/views/<name>/<name>-view.tsx exporting a component that reads what it needs from
 * useWorkbench() (api, workspace, route.params, logVersion, navigate) and add one entry here,
 * its component through lazyView. Nothing else in the shell needs to change. Each view is its own chunk, loaded when
 * first opened (lazy-view.ts), so the start screen runs none of their code.
 */
export const VIEWS: readonly ViewDefinition[] = [
  {
    id: 'home',
    label: 'Workspace',
    component: lazyView(() => import('../views/home/home-view.tsx'), 'HomeView'),
    needsLog: false,
  },
  {
    id: 'import',
    label: 'Import',
    component: lazyView(() => import('../views/import/import-view.tsx'), 'ImportView'),
    needsLog: false,
  },
  {
    id: 'summary',
    label: 'Summary',
    component: lazyView(() => import('../views/summary/summary-view.tsx'), 'SummaryView'),
    needsLog: true,
  },
  {
    id: 'map',
    label: 'Process map',
    component: lazyView(() => import('../views/map/map-view.tsx'), 'MapView'),
    needsLog: true,
  },
  {
    id: 'cases',
    label: 'Cases',
    component: lazyView(() => import('../views/cases/cases-view.tsx'), 'CasesView'),
    needsLog: true,
  },
  {
    id: 'statistics',
    label: 'Statistics',
    component: lazyView(() => import('../views/statistics/statistics-view.tsx'), 'StatisticsView'),
    needsLog: true,
  },
  {
    id: 'pareto',
    label: 'Pareto',
    component: lazyView(() => import('../views/pareto/pareto-view.tsx'), 'ParetoView'),
    needsLog: true,
  },
  {
    id: 'compare',
    label: 'Compare',
    component: lazyView(() => import('../views/compare/compare-view.tsx'), 'CompareView'),
    needsLog: true,
  },
  {
    id: 'measures',
    label: 'Measures',
    component: lazyView(() => import('../views/measures/measures-view.tsx'), 'MeasuresView'),
    needsLog: true,
  },
  {
    id: 'control-chart',
    label: 'Control chart',
    component: lazyView(() => import('../views/control-chart/control-chart-view.tsx'), 'ControlChartView'),
    needsLog: true,
  },
  {
    id: 'quality',
    label: 'Data quality',
    component: lazyView(() => import('../views/quality/quality-view.tsx'), 'QualityView'),
    needsLog: true,
  },
  {
    id: 'findings',
    label: 'Findings',
    component: lazyView(() => import('../views/findings/findings-view.tsx'), 'FindingsView'),
    needsLog: true,
  },
  {
    id: 'running',
    label: 'Running cases',
    component: lazyView(() => import('../views/running/running-cases-view.tsx'), 'RunningCasesView'),
    needsLog: true,
  },
  {
    id: 'models',
    label: 'Models',
    component: lazyView(() => import('../views/models/models-view.tsx'), 'ModelsView'),
    needsLog: true,
  },
];

export function findView(id: ViewId): ViewDefinition | undefined {
  return VIEWS.find((view) => view.id === id);
}

/**
 * Small always-visible widgets under the workspace name in the sidebar (e.g. the data-quality
 * health light, active filter chips). Each reads what it needs from useWorkbench().
 */
export const SIDEBAR_WIDGETS: readonly ComponentType[] = [HealthBadge, DisplayZonePicker, SidebarFilters];
