import { useMemo } from 'react';
import { timeZones } from './timestamp-formats.ts';

/** IANA zone picker; the machine's zone is marked so the default is recognisable. */
export function TimeZoneSelect({
  value,
  onChange,
  machineZone,
  testId,
}: {
  value: string;
  onChange: (zone: string) => void;
  machineZone: string;
  testId: string;
}) {
  const zones = useMemo(() => timeZones(machineZone), [machineZone]);
  return (
    <select value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone}
          {zone === machineZone ? ' (this machine)' : ''}
        </option>
      ))}
    </select>
  );
}
