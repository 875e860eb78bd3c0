import { describeLogChange } from './log-watch.ts';
import { useWorkbench } from './workbench.ts';

/** Says that the views now show a log another window or the CLI made current (see log-watch.ts). */
export function LogChangeNotice() {
  const { externalChange, dismissExternalChange } = useWorkbench();
  if (!externalChange) return null;
  return (
    <div className="notice log-change-notice" role="status" data-testid="log-change-notice">
      <span>{describeLogChange(externalChange)}</span>
      <button type="button" className="link-button" data-testid="log-change-dismiss" onClick={dismissExternalChange}>
        Dismiss
      </button>
    </div>
  );
}
