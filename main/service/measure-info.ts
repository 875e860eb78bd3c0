import type { ChartType, MeasureInfo, MeasuresInfo, MeasuresSchema } from '../../preload/api.ts';
import {
  CHARTS_OF_BLOCK,
  UNIT_OF_BLOCK,
  type CaseCondition,
  type Measure,
  type MeasuresFile,
} from '../engine/measures/index.ts';

/**
 * The measurement schema as the UI lists it: each measure with what it is computed per, the charts
 * that fit its data (its own default first) and whether an activity can be chosen for it.
 */
export function measuresInfo(path: string, file: MeasuresFile): MeasuresInfo {
  return { path, schema: file as MeasuresSchema, measures: file.measures.map(measureInfo) };
}

export function measureInfo(measure: Measure): MeasureInfo {
  const block = measure.definition.block;
  const fits = CHARTS_OF_BLOCK[block];
  const own = [measure.chart.byPeriod, ...(measure.chart.alternatives ?? [])];
  const charts = [...new Set<ChartType>([...own, ...fits])].filter((c) => fits.includes(c));
  return { ...measure, per: UNIT_OF_BLOCK[block], charts, takesActivity: takesActivity(measure) };
}

/**
 * The measures whose one activity parameter `activity` replaces (see computeMeasure): waiting time
 * before an activity, counts of an activity, and rates built on exactly one kind of activity.
 */
function takesActivity(measure: Measure): boolean {
  const d = measure.definition;
  if (d.block === 'waiting_time' || d.block === 'event_count') return true;
  if (d.block !== 'case_share') return false;
  const kinds = new Set<string>();
  const visit = (c: CaseCondition): void => {
    if ('has' in c && c.has !== 'sla_met') kinds.add(c.has);
    if ('not' in c) visit(c.not);
    if ('all' in c) c.all.forEach(visit);
    if ('any' in c) c.any.forEach(visit);
  };
  visit(d.condition);
  return kinds.size === 1;
}
