import { useWorkbench } from '../../app/workbench.ts';
import { useAsync } from '../../components/use-async.ts';
import { unfixedErrors } from './unfixed-errors.ts';

/** Above figures (Measures, Control chart): the data-quality errors they still include, and the way to the fix. */
export function UnfixedErrorsBanner() {
  const { api, workspace, logVersion, navigate } = useWorkbench();
  const path = workspace?.path ?? '';
  const report = useAsync(() => (path ? api.qualityReport(path) : Promise.resolve(null)), [api, path, logVersion]);
  const errors = unfixedErrors(report.value ?? null);
  if (errors.length === 0) return null;
  return (
    <p className="notice notice-warning small" role="status" data-testid="unfixed-errors">
      These figures include data-quality errors that a fix would remove — {errors.join('; ')}.{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => navigate('quality')}
        data-testid="unfixed-errors-open"
      >
        Review the fixes in Data quality
      </button>
    </p>
  );
}
