import { useState } from 'react';
import type { QualityFix } from '../../../preload/api.ts';
import { parseActivityList } from './merge-map.ts';

type DropIncomplete = Extract<QualityFix, { kind: 'drop_incomplete_cases' }>;

/** The usual start and end activities behind the incomplete-cases fix, editable before applying it. */
export function IncompleteCasesEditor({
  fix,
  busy,
  onApply,
}: {
  fix: DropIncomplete;
  busy: boolean;
  onApply: (fix: DropIncomplete) => void;
}) {
  const [starts, setStarts] = useState(fix.params.startActivities.join(', '));
  const [ends, setEnds] = useState(fix.params.endActivities.join(', '));
  const [keepRunning, setKeepRunning] = useState(fix.params.keepRunning);
  const apply = () => {
    const params = {
      ...fix.params,
      startActivities: parseActivityList(starts),
      endActivities: parseActivityList(ends),
      keepRunning,
    };
    const description = `Drop cases that do not start with ${params.startActivities.join(' / ') || '—'} or end with ${params.endActivities.join(' / ') || '—'}${keepRunning ? ', keeping running cases' : ''}`;
    onApply({ ...fix, description, params });
  };
  return (
    <div className="incomplete-editor" data-testid="incomplete-editor">
      <label>
        Usual start activities
        <input type="text" value={starts} onChange={(e) => setStarts(e.target.value)} data-testid="usual-starts" />
      </label>
      <label>
        Usual end activities
        <input type="text" value={ends} onChange={(e) => setEnds(e.target.value)} data-testid="usual-ends" />
      </label>
      <label className="inline">
        <input type="checkbox" checked={keepRunning} onChange={(e) => setKeepRunning(e.target.checked)} /> Keep cases
        that are still running
      </label>
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={apply}
          data-testid="quality-apply-incomplete_cases"
        >
          Drop incomplete cases
        </button>
      </div>
    </div>
  );
}
