import type { FrequencyMeasure, MapView as MapViewKind, PerformanceMeasure } from '../../../preload/api.ts';
import type { MapSettings } from './map-settings.ts';
import { WorkingHoursControls } from './working-hours-controls.tsx';

/** The map's controls: how much of the log it shows, which view and measure, working hours. */
export function MapToolbar({
  settings,
  handover,
  machineZone,
  onChange,
}: {
  settings: MapSettings;
  /** A handover map counts resources, not activities: the first slider says so. */
  handover: boolean;
  machineZone: string;
  onChange(patch: Partial<MapSettings>): void;
}) {
  const { activities, paths, view, frequencyMeasure, performanceMeasure, useCalendar, calendar } = settings;
  return (
    <div className="map-toolbar">
      <label className="map-slider">
        <span>
          {handover ? 'Resources' : 'Activities'} <strong>{Math.round(activities * 100)}%</strong>
        </span>
        <input
          type="range"
          min={0}
          max={1}
          step={0.01}
          value={activities}
          data-testid="slider-activities"
          onChange={(e) => onChange({ activities: Number(e.target.value), fitActivities: false })}
        />
      </label>
      <label className="map-slider">
        <span>
          Paths <strong>{Math.round(paths * 100)}%</strong>
        </span>
        <input
          type="range"
          min={0}
          max={1}
          step={0.01}
          value={paths}
          data-testid="slider-paths"
          onChange={(e) => onChange({ paths: Number(e.target.value) })}
        />
      </label>
      <div className="map-toggle" role="group" aria-label="Map view">
        <button
          type="button"
          className={view === 'frequency' ? 'toggle-on' : ''}
          aria-pressed={view === 'frequency'}
          data-testid="view-frequency"
          onClick={() => onChange({ view: 'frequency' as MapViewKind })}
        >
          Frequency
        </button>
        <button
          type="button"
          className={view === 'performance' ? 'toggle-on' : ''}
          aria-pressed={view === 'performance'}
          data-testid="view-performance"
          onClick={() => onChange({ view: 'performance' as MapViewKind })}
        >
          Performance
        </button>
      </div>
      {view === 'frequency' ? (
        <select
          value={frequencyMeasure}
          data-testid="frequency-measure"
          onChange={(e) => onChange({ frequencyMeasure: e.target.value as FrequencyMeasure })}
          aria-label="Frequency measure"
        >
          <option value="absolute">absolute frequency</option>
          <option value="case">case frequency</option>
          <option value="maxRepetitions">max repetitions</option>
        </select>
      ) : (
        <select
          value={performanceMeasure}
          data-testid="performance-measure"
          onChange={(e) => onChange({ performanceMeasure: e.target.value as PerformanceMeasure })}
          aria-label="Performance measure"
        >
          <option value="mean">mean duration</option>
          <option value="median">median duration</option>
          <option value="max">max duration</option>
          <option value="total">total duration</option>
        </select>
      )}
      <WorkingHoursControls
        useCalendar={useCalendar}
        calendar={calendar}
        machineZone={machineZone}
        onUseCalendarChange={(use) => onChange({ useCalendar: use })}
        onCalendarChange={(next) => onChange({ calendar: next })}
      />
    </div>
  );
}
