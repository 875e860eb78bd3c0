import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';

/** The version recorded in every audit entry, read once from package.json. */
export const APP_VERSION: string = (() => {
  try {
    const url = new URL('../../package.json', import.meta.url);
    return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  } catch {
    return process.env.GEMBA_VERSION ?? '0.0.0';
  }
})();

/** The operating-system user, as the audit trail's "who". */
export function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}
