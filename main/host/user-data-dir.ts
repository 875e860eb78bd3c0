import os from 'node:os';
import path from 'node:path';

/**
 * Where the browser mode keeps recent workspaces and uploads: the same folder Electron's
 * app.getPath('userData') uses for an app named "gemba", so both modes share one history.
 * GEMBA_USER_DATA overrides it (tests use a temp folder).
 */
export function defaultUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.GEMBA_USER_DATA) return path.resolve(env.GEMBA_USER_DATA);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'gemba');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'gemba');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'gemba');
}
