import type { UserFacingError } from '../../preload/api.ts';

/**
 * An Error that carries the engine's UserFacingError, so every screen can show file, line,
 * column and hint instead of a bare message, whatever transport the call went through.
 */
export class GembaError extends Error {
  readonly detail: UserFacingError;

  constructor(detail: UserFacingError) {
    super(detail.message);
    this.name = 'GembaError';
    this.detail = detail;
  }
}

function isUserFacingError(value: unknown): value is UserFacingError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === 'string' && (v.kind === 'input' || v.kind === 'internal' || v.kind === 'cancelled');
}

/**
 * Turns whatever a call threw into a UserFacingError. Electron's IPC flattens errors to a message
 * string, so a JSON-encoded UserFacingError inside the message is recognised too.
 */
export function toUserFacingError(error: unknown): UserFacingError {
  if (error instanceof GembaError) return error.detail;
  if (isUserFacingError(error)) return error;
  if (typeof error === 'object' && error !== null) {
    const nested = (error as { detail?: unknown; error?: unknown }).detail ?? (error as { error?: unknown }).error;
    if (isUserFacingError(nested)) return nested;
  }
  const message = error instanceof Error ? error.message : String(error);
  const jsonStart = message.indexOf('{');
  if (jsonStart >= 0) {
    try {
      const parsed: unknown = JSON.parse(message.slice(jsonStart));
      if (isUserFacingError(parsed)) return parsed;
      if (typeof parsed === 'object' && parsed !== null && isUserFacingError((parsed as { error?: unknown }).error)) {
        return (parsed as { error: UserFacingError }).error;
      }
    } catch {
      // not JSON: fall through to a plain internal error
    }
  }
  return { kind: 'internal', message: message || 'Unknown error' };
}
