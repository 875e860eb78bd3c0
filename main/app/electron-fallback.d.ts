/**
 * Type stand-in for the parts of Electron that main/app and preload use, for machines where the
 * optional `electron` package is absent (its binary download failed, so npm removed it).
 * tsconfig.json `paths` maps 'electron' to node_modules/electron/electron.d.ts first and to this
 * file only as a fallback; CI keeps the real package (ELECTRON_SKIP_BINARY_DOWNLOAD) so the
 * code is checked against the real types there. Signatures copy Electron 39's.
 */

export interface Event {
  preventDefault(): void;
}

export interface WebFrameMain {
  readonly url: string;
  readonly parent: WebFrameMain | null;
}

export interface IpcMainInvokeEvent extends Event {
  readonly senderFrame: WebFrameMain | null;
}

export interface HandlerDetails {
  url: string;
}

export type WindowOpenHandlerResponse = { action: 'deny' } | { action: 'allow' };

export interface WebContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: Event, url: string) => void): this;
  on(event: 'will-attach-webview', listener: (event: Event) => void): this;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void;
  send(channel: string, ...args: unknown[]): void;
}

export interface OnBeforeRequestListenerDetails {
  url: string;
}
export interface CallbackResponse {
  cancel?: boolean;
}
export interface OnHeadersReceivedListenerDetails {
  url: string;
  responseHeaders?: Record<string, string[]>;
}
export interface HeadersReceivedResponse {
  cancel?: boolean;
  responseHeaders?: Record<string, string | string[]>;
}
export interface WebRequest {
  onBeforeRequest(
    filter: { urls: string[] },
    listener:
      ((details: OnBeforeRequestListenerDetails, callback: (response: CallbackResponse) => void) => void) | null,
  ): void;
  onHeadersReceived(
    listener:
      | ((details: OnHeadersReceivedListenerDetails, callback: (response: HeadersReceivedResponse) => void) => void)
      | null,
  ): void;
}

export interface Session {
  readonly webRequest: WebRequest;
  setPermissionRequestHandler(
    handler:
      ((webContents: WebContents, permission: string, callback: (permissionGranted: boolean) => void) => void) | null,
  ): void;
  setPermissionCheckHandler(handler: ((webContents: WebContents | null, permission: string) => boolean) | null): void;
  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void;
  on(event: 'will-download', listener: (event: Event) => void): this;
}

export const session: { readonly defaultSession: Session };

export interface App {
  on(event: 'web-contents-created', listener: (event: Event, webContents: WebContents) => void): this;
  on(event: 'second-instance' | 'activate' | 'window-all-closed', listener: () => void): this;
  on(event: 'will-quit', listener: (event: Event) => void): this;
  whenReady(): Promise<void>;
  enableSandbox(): void;
  setPath(name: string, path: string): void;
  getPath(name: 'userData' | 'home' | 'temp' | 'documents' | 'downloads'): string;
  getAppPath(): string;
  requestSingleInstanceLock(): boolean;
  quit(): void;
  exit(exitCode?: number): void;
}
export const app: App;

export interface WebPreferences {
  preload?: string;
  contextIsolation?: boolean;
  sandbox?: boolean;
  nodeIntegration?: boolean;
  nodeIntegrationInWorker?: boolean;
  nodeIntegrationInSubFrames?: boolean;
  webSecurity?: boolean;
  allowRunningInsecureContent?: boolean;
  experimentalFeatures?: boolean;
  webviewTag?: boolean;
  navigateOnDragDrop?: boolean;
  spellcheck?: boolean;
  safeDialogs?: boolean;
}

export interface BrowserWindowConstructorOptions {
  width?: number;
  height?: number;
  minWidth?: number;
  minHeight?: number;
  title?: string;
  show?: boolean;
  webPreferences?: WebPreferences;
}

export class BrowserWindow {
  constructor(options?: BrowserWindowConstructorOptions);
  static getAllWindows(): BrowserWindow[];
  static getFocusedWindow(): BrowserWindow | null;
  readonly webContents: WebContents;
  once(event: 'ready-to-show', listener: () => void): this;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  loadURL(url: string): Promise<void>;
}

export interface CustomSchemePrivileges {
  standard?: boolean;
  secure?: boolean;
  supportFetchAPI?: boolean;
  codeCache?: boolean;
}
export const protocol: {
  registerSchemesAsPrivileged(customSchemes: { scheme: string; privileges?: CustomSchemePrivileges }[]): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
};

export const ipcMain: {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: any[]) => Promise<unknown> | unknown): void;
};

export interface OpenDialogOptions {
  title?: string;
  properties?: ('openFile' | 'openDirectory' | 'multiSelections' | 'createDirectory' | 'promptToCreate')[];
  filters?: { name: string; extensions: string[] }[];
}
export interface MessageBoxOptions {
  type?: 'none' | 'info' | 'error' | 'question' | 'warning';
  message: string;
  detail?: string;
}
export interface SaveDialogOptions {
  title?: string;
  defaultPath?: string;
  filters?: { name: string; extensions: string[] }[];
}
export const dialog: {
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(window: BrowserWindow, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showMessageBox(options: MessageBoxOptions): Promise<{ response: number }>;
};

export interface MenuItemConstructorOptions {
  label?: string;
  accelerator?: string;
  enabled?: boolean;
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
  role?: 'quit' | 'editMenu' | 'reload' | 'toggleDevTools' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen';
  submenu?: MenuItemConstructorOptions[];
  click?: () => void;
}
export class Menu {
  static buildFromTemplate(template: MenuItemConstructorOptions[]): Menu;
  static setApplicationMenu(menu: Menu | null): void;
}

export interface IpcRendererEvent {
  readonly senderId: number;
}
export const ipcRenderer: {
  invoke(channel: string, ...args: any[]): Promise<any>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: any[]) => void): unknown;
  removeListener(channel: string, listener: (...args: any[]) => void): unknown;
};
export const contextBridge: {
  exposeInMainWorld(apiKey: string, api: unknown): void;
};
export const webUtils: {
  getPathForFile(file: unknown): string;
};
