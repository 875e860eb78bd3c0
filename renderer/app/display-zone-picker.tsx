import { useMemo } from 'react';
import { defaultDisplayZone, setDisplayZone, useDisplayZone } from './display-zone.ts';
import { useWorkbench } from './workbench.ts';

/** Every zone the platform knows, UTC first. */
function zoneNames(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return ['UTC', ...supported.filter((z) => z !== 'UTC')];
}

/** Sidebar widget: the time zone every view shows times in and counts days by (see display-zone.ts). */
export function DisplayZonePicker() {
  const { workspace, environment } = useWorkbench();
  const current = useDisplayZone();
  const names = useMemo(zoneNames, []);
  if (!workspace) return null;
  const fallback = defaultDisplayZone(workspace, environment);
  const why = fallback.source === 'log' ? "the log's zone" : 'this computer';
  return (
    <label
      className="display-zone"
      title="Times in every view and export, and the days events are counted by. Stored times do not change."
    >
      <span>Times in</span>
      <select
        value={current.source === 'chosen' ? current.zone : ''}
        data-testid="display-zone"
        onChange={(e) => setDisplayZone(workspace.path, e.target.value || null)}
      >
        <option value="">
          {fallback.zone} ({why})
        </option>
        {names.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </select>
    </label>
  );
}
