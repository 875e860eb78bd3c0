/** The workspace: SQLite (history, rejected rows, fixes, audit), the Arrow snapshots of its logs, and the import into it. */
export { importLog } from './import-log.ts';
export { FixesStore } from './fixes-store.ts';
export { Workspace } from './workspace.ts';
