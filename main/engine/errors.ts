import type { UserFacingError } from '../../preload/api.ts';

export interface InputErrorDetails {
  /** File name as the user knows it (not a temp path). */
  file?: string;
  /** 1-based line in the file. */
  line?: number;
  /** 1-based column (character position for CSV, or field number when `columnIsField`). */
  column?: number;
  /** What the user can do about it, one sentence. */
  hint?: string;
}

/**
 * Bad input: the user's file or arguments, not our code. Its message is shown as is, so it
 * must say what is wrong in the user's words; `hint` says what to do.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly details: InputErrorDetails = {},
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export class CancelledError extends Error {
  constructor() {
    super('Cancelled by the user.');
    this.name = 'CancelledError';
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

/** The one paragraph a user sees: what, where, what to do. */
export function describeInputError(error: InputError): string {
  const { file, line, column, hint } = error.details;
  const where = [file, line !== undefined ? `line ${line}` : null, column !== undefined ? `column ${column}` : null]
    .filter(Boolean)
    .join(', ');
  return [where ? `${where}: ${error.message}` : error.message, hint].filter(Boolean).join(' ');
}

/**
 * An error that was already turned into a UserFacingError elsewhere (in the engine worker) and
 * is re-thrown on this side of a boundary; it passes through unchanged.
 */
export class ReportedError extends Error {
  constructor(readonly report: UserFacingError) {
    super(report.message);
    this.name = 'ReportedError';
  }
}

export function toUserFacingError(error: unknown): UserFacingError {
  if (error instanceof ReportedError) return error.report;
  if (error instanceof InputError) return { kind: 'input', message: error.message, ...error.details };
  if (error instanceof CancelledError) return { kind: 'cancelled', message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return {
    kind: 'internal',
    message: `Internal error: ${message}`,
    hint: 'This is a bug in Gemba; the workspace was not changed.',
  };
}
