import type { ComponentType } from 'react';
import type { ViewId } from './view-ids.ts';

/** One view of an open workspace, as registered in app/views.ts. */
export interface ViewDefinition {
  /** Stable id, used in the URL hash (#/<id>) and in data-testid="nav-<id>" / "view-<id>". */
  id: ViewId;
  /** Navigation label, in the user's words. */
  label: string;
  component: ComponentType;
  /** True when the view needs an imported log; it is disabled in the navigation until then. */
  needsLog: boolean;
}
