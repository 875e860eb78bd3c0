import type { ComponentType } from 'react';
import { CasesView } from '../views/cases/cases-view.tsx';
import { CompareView } from '../views/compare/compare-view.tsx';
import { ControlChartView } from '../views/control-chart/control-chart-view.tsx';
import { FindingsView } from '../views/findings/findings-view.tsx';
import { HomeView } from '../views/home/home-view.tsx';
import { ImportView } from '../views/import/import-view.tsx';
import { MapView } from '../views/map/map-view.tsx';
import { MeasuresView } from '../views/measures/measures-view.tsx';
import { ModelsView } from '../views/models/models-view.tsx';
import { ParetoView } from '../views/pareto/pareto-view.tsx';
import { SidebarFilters } from '../views/map/sidebar-filters.tsx';
import { HealthBadge } from '../views/quality/health-badge.tsx';
import { QualityView } from '../views/quality/quality-view.tsx';
import { RunningCasesView } from '../views/running/running-cases-view.tsx';
import { StatisticsView } from '../views/statistics/statistics-view.tsx';
import { SummaryView } from '../views/summary/summary-view.tsx';
import { DisplayZonePicker } from './display-zone-picker.tsx';
import type { ViewDefinition } from './view-definition.ts';
import type { ViewId } from './view-ids.ts';

export type { ViewDefinition };

/**
 * Every view of an open workspace, in navigation order. To add a view: create
 * renderer/views/<name>/<name>-view.tsx exporting a component that reads what it needs from
 * useWorkbench() (api, workspace, route.params, logVersion, navigate), import it here and add
 * one entry. Nothing else in the shell needs to change.
 */
export const VIEWS: readonly ViewDefinition[] = [
  { id: 'home', label: 'Workspace', component: HomeView, needsLog: false },
  { id: 'import', label: 'Import', component: ImportView, needsLog: false },
  { id: 'summary', label: 'Summary', component: SummaryView, needsLog: true },
  { id: 'map', label: 'Process map', component: MapView, needsLog: true },
  { id: 'cases', label: 'Cases', component: CasesView, needsLog: true },
  { id: 'statistics', label: 'Statistics', component: StatisticsView, needsLog: true },
  { id: 'pareto', label: 'Pareto', component: ParetoView, needsLog: true },
  { id: 'compare', label: 'Compare', component: CompareView, needsLog: true },
  { id: 'measures', label: 'Measures', component: MeasuresView, needsLog: true },
  { id: 'control-chart', label: 'Control chart', component: ControlChartView, needsLog: true },
  { id: 'quality', label: 'Data quality', component: QualityView, needsLog: true },
  { id: 'findings', label: 'Findings', component: FindingsView, needsLog: true },
  { id: 'running', label: 'Running cases', component: RunningCasesView, needsLog: true },
  { id: 'models', label: 'Models', component: ModelsView, needsLog: true },
];

export function findView(id: ViewId): ViewDefinition | undefined {
  return VIEWS.find((view) => view.id === id);
}

/**
 * Small always-visible widgets under the workspace name in the sidebar (e.g. the data-quality
 * health light, active filter chips). Each reads what it needs from useWorkbench().
 */
export const SIDEBAR_WIDGETS: readonly ComponentType[] = [HealthBadge, DisplayZonePicker, SidebarFilters];
