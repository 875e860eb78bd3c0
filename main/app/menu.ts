import { BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import type { GembaApi, WorkspaceRef } from '../../preload/api.ts';
import { toUserFacingError } from '../engine/errors.ts';
import { sendMenuCommand } from './ipc.ts';

const LOG_FILTERS = [
  { name: 'Event logs', extensions: ['csv', 'tsv', 'txt', 'xes', 'gz'] },
  { name: 'All files', extensions: ['*'] },
];

async function openWorkspaceAt(service: GembaApi, path: string, rebuild: () => Promise<void>): Promise<void> {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null;
  try {
    const workspace = await service.openWorkspace(path);
    sendMenuCommand(window, { type: 'open-workspace', workspace });
    await rebuild();
  } catch (error) {
    const failure = toUserFacingError(error);
    await dialog.showMessageBox({ type: 'error', message: failure.message, detail: failure.hint ?? '' });
  }
}

/** File menu: Open workspace…, Open recent, Import log…, Quit; plus the standard Edit/View. */
export async function installApplicationMenu(service: GembaApi): Promise<void> {
  const rebuild = () => installApplicationMenu(service);
  let recent: WorkspaceRef[] = [];
  try {
    recent = await service.recentWorkspaces();
  } catch {
    // A damaged recent list must not keep the menu from appearing.
  }

  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        {
          label: 'Open Workspace…',
          accelerator: 'CmdOrCtrl+O',
          click: async () => {
            const choice = await dialog.showOpenDialog({
              title: 'Open or create a workspace folder',
              properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
            });
            if (!choice.canceled && choice.filePaths[0]) await openWorkspaceAt(service, choice.filePaths[0], rebuild);
          },
        },
        {
          label: 'Open Recent',
          enabled: recent.length > 0,
          submenu: recent.map((ref) => ({
            label: `${ref.name} — ${ref.path}`,
            click: () => openWorkspaceAt(service, ref.path, rebuild),
          })),
        },
        { type: 'separator' },
        {
          label: 'Import Log…',
          accelerator: 'CmdOrCtrl+I',
          click: async () => {
            const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null;
            const choice = await dialog.showOpenDialog({
              title: 'Import an event log',
              properties: ['openFile'],
              filters: LOG_FILTERS,
            });
            if (!choice.canceled && choice.filePaths[0]) {
              sendMenuCommand(window, { type: 'import-log', file: { kind: 'path', path: choice.filePaths[0] } });
            }
          },
        },
        { type: 'separator' },
        { role: 'quit', label: 'Quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
