import type { FrequencyMeasure, MapView as MapViewKind, PerformanceMeasure } from '../../../preload/api.ts';
import type { MapSettings } from './map-settings.ts';
import { ShareSlider } from '../../components/share-slider.tsx';
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
      <ShareSlider
        label={handover ? 'Resources' : 'Activities'}
        value={activities}
        testId="slider-activities"
        onChange={(share) => onChange({ activities: share, fitActivities: false })}
      />
      <ShareSlider label="Paths" value={paths} testId="slider-paths" onChange={(share) => onChange({ paths: share })} />
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
