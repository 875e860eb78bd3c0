import { useState } from 'react';
import type { QualityFix } from '../../../preload/api.ts';

/**
 * Timestamps without an offset were read as wall-clock time in the zone chosen at import. If
 * that was the wrong zone, they can be re-read in another one: a recorded, undoable fix.
 */
export function TimeZoneFix({
  fromZone,
  busy,
  onApply,
}: {
  fromZone: string;
  busy: boolean;
  onApply: (fix: QualityFix) => void;
}) {
  const [toZone, setToZone] = useState(fromZone);
  const zone = toZone.trim();
  return (
    <details className="panel time-zone-fix" data-testid="quality-timezone">
      <summary>Time zone of timestamps without offset: {fromZone}</summary>
      <p className="muted">
        Timestamps that carry no offset were read as local time in <strong>{fromZone}</strong> (the import notes say
        whether yours do). If the system that exported them ran in another zone, read them there instead. This re-reads
        every event time, so use it only for a file whose timestamps have no offset.
      </p>
      <div className="button-row">
        <input
          type="text"
          value={toZone}
          onChange={(e) => setToZone(e.target.value)}
          aria-label="Time zone to read them in"
          placeholder="e.g. Europe/Berlin, UTC, +02:00"
          data-testid="timezone-input"
        />
        <button
          type="button"
          disabled={busy || zone === '' || zone === fromZone}
          onClick={() =>
            onApply({
              kind: 'set_timezone',
              description: `Read timestamps without offset in ${zone} instead of ${fromZone}`,
              params: { fromZone, toZone: zone },
            })
          }
          data-testid="timezone-apply"
        >
          Re-read in this zone
        </button>
      </div>
    </details>
  );
}
