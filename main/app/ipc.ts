import { writeFile } from 'node:fs/promises';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import {
  IPC_CALL_CHANNEL,
  IPC_JOB_EVENT_CHANNEL,
  IPC_MENU_CHANNEL,
  type ExportFile,
  type GembaApi,
  type JobEvent,
  type MenuCommand,
} from '../../preload/api.ts';
import { dispatchCall, withDesktopCalls } from './call-dispatch.ts';
import { saveExportFile, type SaveDialogOptions } from './save-export.ts';

/** saveExport in the desktop app: the system's save dialog over the focused window, then the file written here. */
function saveExport(file: ExportFile) {
  return saveExportFile(file, {
    showSaveDialog: (options: SaveDialogOptions) => {
      const window = BrowserWindow.getFocusedWindow();
      return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
    },
    writeFile: (path, bytes) => writeFile(path, bytes),
    defaultDir: app.getPath('downloads'),
  });
}

/** The one IPC handler: every GembaApi call goes through dispatchCall's sender and name checks. */
export function registerCallHandler(service: GembaApi): void {
  const desktop = withDesktopCalls(service, { saveExport });
  ipcMain.handle(IPC_CALL_CHANNEL, (event, method: unknown, args: unknown) => {
    const frame = event.senderFrame;
    const sender = frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
    return dispatchCall(desktop, sender, method, args);
  });
}

function sendToAllWindows(channel: string, payload: JobEvent | MenuCommand): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.isDestroyed()) window.webContents.send(channel, payload);
  }
}

export function forwardJobEvents(service: { onJobEvent(listener: (event: JobEvent) => void): () => void }): () => void {
  return service.onJobEvent((event) => sendToAllWindows(IPC_JOB_EVENT_CHANNEL, event));
}

export function sendMenuCommand(window: BrowserWindow | null, command: MenuCommand): void {
  if (window && !window.isDestroyed()) window.webContents.send(IPC_MENU_CHANNEL, command);
}
