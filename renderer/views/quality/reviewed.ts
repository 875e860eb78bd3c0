/**
 * Whether the user has looked at the quality report of the current import. Until then the
 * sidebar badge asks for a review on every screen. Kept in the renderer's local storage: it is
 * a reminder for this user on this machine, not part of the workspace's record.
 */
const PREFIX = 'gemba.quality.reviewed:';

function key(workspacePath: string, importId: number): string {
  return `${PREFIX}${workspacePath}#${importId}`;
}

export function isReviewed(workspacePath: string, importId: number): boolean {
  try {
    return globalThis.localStorage?.getItem(key(workspacePath, importId)) === '1';
  } catch {
    return false;
  }
}

export function markReviewed(workspacePath: string, importId: number): void {
  try {
    globalThis.localStorage?.setItem(key(workspacePath, importId), '1');
    globalThis.dispatchEvent?.(new Event('gemba-quality-reviewed'));
  } catch {
    // Storage may be unavailable (private mode); the badge then simply keeps asking.
  }
}
