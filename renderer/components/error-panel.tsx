import type { UserFacingError } from '../../preload/api.ts';

const TITLES: Record<UserFacingError['kind'], string> = {
  input: 'This view could not be computed',
  internal: 'Something went wrong inside Gemba',
  cancelled: 'Cancelled',
};

/**
 * The heading when the caller names none. Only an error that points at a file is about reading
 * one; an input error of an analysis (say, a filter naming an activity the log lacks) is not.
 */
export function defaultErrorTitle(error: UserFacingError): string {
  if (error.kind === 'input' && error.file) return 'The file could not be read';
  return TITLES[error.kind];
}

/**
 * Shows a UserFacingError with everything the user needs to act on it. `title` says what failed
 * in the words of the place it is shown ("The summary could not be computed"). All text goes
 * through React, so a hostile label inside an error message is shown, never interpreted.
 */
export function ErrorPanel({
  error,
  title,
  onDismiss,
}: {
  error: UserFacingError;
  title?: string;
  onDismiss?: () => void;
}) {
  const where = [
    error.file ? `File: ${error.file}` : null,
    error.line !== undefined ? `Line: ${error.line}` : null,
    error.column !== undefined ? `Column: ${error.column}` : null,
  ].filter((part): part is string => part !== null);
  return (
    <div className={`error-panel error-${error.kind}`} role="alert" data-testid="error-panel">
      <div className="error-head">
        <strong className="error-title">{title ?? defaultErrorTitle(error)}</strong>
        {onDismiss ? (
          <button type="button" className="link-button" onClick={onDismiss} aria-label="Dismiss error">
            Dismiss
          </button>
        ) : null}
      </div>
      <p className="error-message" data-testid="error-message">
        {error.message}
      </p>
      {where.length > 0 ? (
        <p className="error-where" data-testid="error-location">
          {where.map((part) => (
            <span key={part}>{part}</span>
          ))}
        </p>
      ) : null}
      {error.hint ? (
        <p className="error-hint" data-testid="error-hint">
          <span className="error-hint-label">What to do: </span>
          {error.hint}
        </p>
      ) : null}
    </div>
  );
}
