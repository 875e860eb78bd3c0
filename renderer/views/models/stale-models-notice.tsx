import { useState } from 'react';
import type { StaleModels, UserFacingError } from '../../../preload/api.ts';
import { useWorkbench, useWorkspace } from '../../app/workbench.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { toUserFacingError } from '../../api/gemba-error.ts';

/**
 * Models trained on other data (an earlier import, other fixes) still answer the views; this
 * says so above their findings or forecasts and trains them again with the same settings, then
 * opens Models, where the training's progress is followed.
 */
export function StaleModelsNotice({ stale, what }: { stale: StaleModels | null; what: string }) {
  const { api, navigate } = useWorkbench();
  const workspace = useWorkspace();
  const [error, setError] = useState<UserFacingError | null>(null);
  const [starting, setStarting] = useState(false);
  if (!stale) return null;
  const retrain = async () => {
    setError(null);
    setStarting(true);
    try {
      await api.startTraining(workspace.path, stale.retrain);
      navigate('models');
    } catch (e) {
      setError(toUserFacingError(e));
    } finally {
      setStarting(false);
    }
  };
  const several = stale.models.length > 1;
  return (
    <div className="notice stale-models" role="status" data-testid="stale-models">
      <p>
        {stale.models.join(', ')} {several ? 'were' : 'was'} trained on other data than the log now (another import or
        other data-quality fixes): these {what} describe that data.{' '}
        <button
          type="button"
          className="primary"
          onClick={() => void retrain()}
          disabled={starting}
          data-testid="stale-retrain"
        >
          {starting ? 'Starting…' : `Retrain ${several ? 'them' : 'it'} on the log now`}
        </button>
      </p>
      {error ? <ErrorPanel error={error} title="Training could not start" /> : null}
    </div>
  );
}
