/**
 * Saving an exported picture or table (a chart or the map as PNG/SVG, a table as CSV). In the
 * desktop app the page may not download anything (main/app/hardening.ts blocks every download),
 * so the Electron shell asks where to save with the system's dialog and writes the file itself.
 * Everywhere else (the browser mode) there is no dialog to open: the answer is 'download', and the
 * page hands the file to the browser's download as before.
 */
import type { CallKinds } from './calls.ts';

export interface ExportFile {
  /** The proposed file name, with its extension and no folder ("Cycle time per week.png"). */
  name: string;
  mimeType: string;
  /** The file's content: text as it is ('utf8'), or bytes in base64 ('base64'). */
  data: string;
  encoding: 'utf8' | 'base64';
}

export type ExportSaved =
  { status: 'saved'; path: string; bytes: number } | { status: 'cancelled' } | { status: 'download' };

export interface ExportCalls {
  /** Saves an export where the user chooses (desktop app), or answers 'download' (browser mode). */
  saveExport(file: ExportFile): Promise<ExportSaved>;
}

export const EXPORT_CALLS = { saveExport: 'call' } as const satisfies CallKinds<ExportCalls>;
