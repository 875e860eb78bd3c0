import { useEffect, useState } from 'react';
import type {
  MeasureDurationUnit,
  MeasureParameterChoices,
  MeasureParameters,
  MeasuresInfo,
  UserFacingError,
} from '../../../preload/api.ts';
import { toUserFacingError } from '../../api/gemba-error.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { useAsync } from '../../components/use-async.ts';
import { visibleLabel } from '../../components/visible-label.ts';

type ListKey = 'endActivities' | 'reworkActivities' | 'exceptionActivities' | 'escalationActivities';

const UNITS: MeasureDurationUnit[] = ['minutes', 'hours', 'days'];

/**
 * The schema's parameters, picked from the log: which activities end a case, what is a defect,
 * rework, an exception or an escalation, and the SLA target. Each can be left to Gemba (inferred
 * or suggested from the log, shown beside it) or chosen; saving writes measures.json, checked.
 */
export function ParametersEditor({ info, onSaved }: { info: MeasuresInfo; onSaved(info: MeasuresInfo): void }) {
  const { api, logVersion } = useWorkbench();
  const workspace = useWorkspace();
  const choices = useAsync<MeasureParameterChoices>(
    () => api.measureParameterChoices(workspace.path),
    [api, workspace.path, logVersion],
  );
  const [draft, setDraft] = useState<MeasureParameters>(info.schema.parameters);
  const [error, setError] = useState<UserFacingError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(info.schema.parameters), [info]);
  const changed = JSON.stringify(draft) !== JSON.stringify(info.schema.parameters);
  const c = choices.value;

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await api.saveMeasures(workspace.path, { ...info.schema, parameters: draft }));
    } catch (e) {
      setError(toUserFacingError(e));
    } finally {
      setBusy(false);
    }
  };
  const list = (key: ListKey, label: string, left: string, suggestion: string[] | undefined) => (
    <ActivityList
      key={key}
      label={label}
      leftToGemba={left}
      suggestion={suggestion}
      activities={c?.activities ?? []}
      value={draft[key] ?? null}
      onChange={(value) => setDraft({ ...draft, [key]: value })}
      testId={`param-${key}`}
    />
  );
  const defect = draft.defect;
  const sla = draft.slaTarget ?? null;
  return (
    <section className="panel" data-testid="measures-parameters">
      <h2>Parameters chosen from the log</h2>
      {choices.status === 'failed' ? (
        <ErrorPanel error={choices.error} title="The log's activities could not be read" />
      ) : null}
      <div className="param-grid">
        {list(
          'endActivities',
          'A case is complete when it ends with',
          'inferred from the log',
          c?.inferredEndActivities,
        )}
        {defect && 'attribute' in defect ? (
          <div className="field">
            <span className="field-label">A defect is</span>
            <p className="small">
              {defect.attribute} = {defect.values.join(', ')} <span className="muted">(set in measures.json)</span>
            </p>
          </div>
        ) : (
          <ActivityList
            label="A defect is a case with"
            leftToGemba="suggested from activity names"
            suggestion={c?.suggested.defect && 'activities' in c.suggested.defect ? c.suggested.defect.activities : []}
            activities={c?.activities ?? []}
            value={defect && 'activities' in defect ? defect.activities : null}
            onChange={(value) => setDraft({ ...draft, defect: value === null ? null : { activities: value } })}
            testId="param-defect"
          />
        )}
        {list('reworkActivities', 'Rework is repeating', 'any activity', undefined)}
        {list(
          'exceptionActivities',
          'Exceptions are',
          'suggested from activity names',
          c?.suggested.exceptionActivities,
        )}
        {list(
          'escalationActivities',
          'Escalations are',
          'suggested from activity names',
          c?.suggested.escalationActivities,
        )}
        <div className="field">
          <span className="field-label">SLA target</span>
          <label className="checkbox small">
            <input
              type="checkbox"
              checked={sla === null}
              data-testid="param-sla-suggested"
              onChange={(e) =>
                setDraft({
                  ...draft,
                  slaTarget: e.target.checked ? null : (c?.suggested.slaTarget ?? { value: 1, unit: 'days' }),
                })
              }
            />
            suggested
            {c?.suggested.slaTarget
              ? `: ${c.suggested.slaTarget.value} ${c.suggested.slaTarget.unit} (nine cases in ten)`
              : ''}
          </label>
          {sla ? (
            <div className="param-sla">
              <input
                type="number"
                min={0}
                step="any"
                value={sla.value}
                aria-label="SLA target"
                onChange={(e) => setDraft({ ...draft, slaTarget: { ...sla, value: Number(e.target.value) } })}
                data-testid="param-sla-value"
              />
              <select
                value={sla.unit}
                aria-label="SLA target unit"
                onChange={(e) =>
                  setDraft({ ...draft, slaTarget: { ...sla, unit: e.target.value as MeasureDurationUnit } })
                }
              >
                {UNITS.map((u) => (
                  <option key={u} value={u}>
                    {u}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
      </div>
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={!changed || busy}
          onClick={() => void save()}
          data-testid="param-save"
        >
          Save the parameters
        </button>
        <button type="button" disabled={!changed || busy} onClick={() => setDraft(info.schema.parameters)}>
          Undo changes
        </button>
      </div>
      {error ? (
        <ErrorPanel error={error} title="The parameters were not saved" onDismiss={() => setError(null)} />
      ) : null}
    </section>
  );
}

/** A list of activities, or null to leave it to Gemba (with what Gemba would use beside it). */
function ActivityList({
  label,
  leftToGemba,
  suggestion,
  activities,
  value,
  onChange,
  testId,
}: {
  label: string;
  leftToGemba: string;
  suggestion: string[] | undefined;
  activities: string[];
  value: string[] | null;
  onChange(value: string[] | null): void;
  testId: string;
}) {
  return (
    <div className="field" data-testid={testId}>
      <span className="field-label">{label}</span>
      <label className="checkbox small">
        <input
          type="checkbox"
          checked={value === null}
          onChange={(e) => onChange(e.target.checked ? null : (suggestion ?? []))}
        />
        {leftToGemba}
        {suggestion !== undefined ? `: ${suggestion.length ? suggestion.map(visibleLabel).join(', ') : 'none'}` : ''}
      </label>
      {value !== null ? (
        <select
          multiple
          size={Math.min(6, Math.max(3, activities.length))}
          value={value}
          aria-label={label}
          onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}
        >
          {activities.map((a) => (
            <option key={a} value={a}>
              {visibleLabel(a)}
            </option>
          ))}
        </select>
      ) : null}
    </div>
  );
}
