import type { WorkingCalendar } from '../../../preload/api.ts';
import { knownZone } from '../../components/format.ts';
import { timeZoneOptions } from './time-zones.ts';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Mon–Fri 9–17, Europe/Berlin" */
export function describeCalendar(c: WorkingCalendar): string {
  const days = [...c.weekdays].sort((a, b) => a - b);
  const run = days.length > 2 && days.every((d, i) => i === 0 || d === days[i - 1] + 1);
  const dayText = run
    ? `${WEEKDAYS[days[0]]}–${WEEKDAYS[days[days.length - 1]]}`
    : days.map((d) => WEEKDAYS[d]).join(', ') || 'no days';
  return `${dayText} ${c.startHour}–${c.endHour}${c.holidays.length ? `, ${c.holidays.length} holidays` : ''}, ${c.timezone ?? 'UTC'}`;
}

/**
 * The map's working-hours switch and, when on, the calendar it counts durations in: hours of the
 * working day, working weekdays, holidays and the time zone they are read in.
 */
export function WorkingHoursControls({
  useCalendar,
  calendar,
  machineZone,
  onUseCalendarChange,
  onCalendarChange,
}: {
  useCalendar: boolean;
  calendar: WorkingCalendar;
  /** The machine's time zone (environment.timezone), offered first and marked as this machine's. */
  machineZone: string;
  onUseCalendarChange(use: boolean): void;
  onCalendarChange(next: WorkingCalendar): void;
}) {
  return (
    <div className="map-calendar small">
      <label title="Count durations only inside working hours on working days">
        <input
          type="checkbox"
          checked={useCalendar}
          data-testid="working-hours"
          onChange={(e) => onUseCalendarChange(e.target.checked)}
        />{' '}
        working hours
      </label>
      {useCalendar ? (
        <>
          <input
            type="number"
            min={0}
            max={24}
            step={0.5}
            value={calendar.startHour}
            aria-label="working day starts (hour)"
            onChange={(e) => onCalendarChange({ ...calendar, startHour: Number(e.target.value) })}
          />
          –
          <input
            type="number"
            min={0}
            max={24}
            step={0.5}
            value={calendar.endHour}
            aria-label="working day ends (hour)"
            onChange={(e) => onCalendarChange({ ...calendar, endHour: Number(e.target.value) })}
          />
          {['S', 'M', 'T', 'W', 'T', 'F', 'S'].map((d, i) => (
            <label key={i} title={`${WEEKDAYS[i]}: working day`} className="map-weekday">
              <input
                type="checkbox"
                checked={calendar.weekdays.includes(i)}
                aria-label={`${WEEKDAYS[i]} is a working day`}
                onChange={(e) =>
                  onCalendarChange({
                    ...calendar,
                    weekdays: e.target.checked
                      ? [...calendar.weekdays, i].sort()
                      : calendar.weekdays.filter((x) => x !== i),
                  })
                }
              />
              {d}
            </label>
          ))}
          <input
            type="text"
            placeholder="holidays YYYY-MM-DD, …"
            aria-label="holidays"
            defaultValue={calendar.holidays.join(', ')}
            onBlur={(e) => onCalendarChange({ ...calendar, holidays: e.target.value.split(/[\s,;]+/).filter(Boolean) })}
          />
          <select
            value={calendar.timezone ?? 'UTC'}
            data-testid="calendar-zone"
            aria-label="time zone of the working hours"
            title="Working hours and holidays are read in this time zone"
            onChange={(e) => onCalendarChange({ ...calendar, timezone: e.target.value })}
          >
            {timeZoneOptions(knownZone(machineZone), calendar.timezone).map((zone) => (
              <option key={zone} value={zone}>
                {zone === knownZone(machineZone) ? `${zone} (this machine)` : zone}
              </option>
            ))}
          </select>
        </>
      ) : null}
    </div>
  );
}
