import { MEASURE_PERIODS, type ChartType, type MeasureInfo, type MeasurePeriod } from '../../../preload/api.ts';
import { SelectField } from '../../components/select-field.tsx';
import { visibleLabel } from '../../components/visible-label.ts';
import { chartName } from '../measures/measures-editor.tsx';

/**
 * What is charted: measure, activity, period, one point per period or per case, chart type. Every
 * choice is a route change (`go`), so a chart can be linked to and comes back as it was left.
 */
export function ChartToolbar({
  measures,
  measure,
  activity,
  activities,
  period,
  byUnit,
  charts,
  current,
  go,
}: {
  measures: MeasureInfo[];
  measure: MeasureInfo | undefined;
  activity: string | undefined;
  /** The log's activities, to pick from when the measure takes one. */
  activities: string[];
  period: MeasurePeriod;
  byUnit: boolean;
  charts: ChartType[];
  /** The chart shown, or asked for while it is computed. */
  current: ChartType | undefined;
  go(change: Record<string, string | undefined>): void;
}) {
  return (
    <div className="cc-toolbar">
      <label className="field">
        <span className="field-label">Measure</span>
        <select
          value={measure?.name ?? ''}
          onChange={(e) => go({ measure: e.target.value, chart: undefined, activity: undefined })}
          data-testid="cc-measure"
        >
          {measures.map((m) => (
            <option key={m.name} value={m.name}>
              {m.title}
            </option>
          ))}
        </select>
      </label>
      {measure?.takesActivity ? (
        <SelectField
          label="Activity"
          value={activity ?? ''}
          none="as defined"
          choices={activities}
          labelOf={visibleLabel}
          onChange={(a) => go({ activity: a || undefined })}
          testId="cc-activity"
        />
      ) : null}
      <SelectField
        label="Period"
        value={period}
        choices={MEASURE_PERIODS}
        onChange={(p) => go({ period: p })}
        testId="cc-period"
      />
      {measure && measure.per !== 'period' ? (
        <div className="field">
          <span className="field-label">One point per</span>
          <div className="segmented" role="group" aria-label="One point per">
            <button
              type="button"
              aria-pressed={!byUnit}
              onClick={() => go({ per: undefined, chart: undefined })}
              data-testid="cc-per-period"
            >
              {period}
            </button>
            <button
              type="button"
              aria-pressed={byUnit}
              onClick={() => go({ per: 'case', chart: undefined })}
              data-testid="cc-per-case"
            >
              {measure.per === 'event' ? 'event' : measure.per === 'resource change' ? 'hand-off' : 'case'}
            </button>
          </div>
        </div>
      ) : null}
      <div className="field">
        <span className="field-label">Chart</span>
        <div className="segmented" role="group" aria-label="Chart type" data-testid="cc-chart-types">
          {charts.map((c) => (
            <button
              key={c}
              type="button"
              aria-pressed={current === c}
              onClick={() => go({ chart: c })}
              data-testid={`cc-chart-${c}`}
            >
              {chartName(c)}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
