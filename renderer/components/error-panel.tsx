import type { UserFacingError } from '../../preload/api.ts';

const TITLES: Record<UserFacingError['kind'], string> = {
  input: 'The file could not be read',
  internal: 'Something went wrong inside Gemba',
  cancelled: 'Cancelled',
};

/**
 * Shows a UserFacingError with everything the user needs to act on it. All text goes through
 * React, so a hostile label inside an error message is shown, never interpreted.
 */
export function ErrorPanel({ error, title, onDismiss }: { error: UserFacingError; title?: string; onDismiss?: () => void }) {
  const where = [
    error.file ? `File: ${error.file}` : null,
    error.line !== undefined ? `Line: ${error.line}` : null,
    error.column !== undefined ? `Column: ${error.column}` : null,
  ].filter((part): part is string => part !== null);
  return (
    <div className={`error-panel error-${error.kind}`} role="alert" data-testid="error-panel">
      <div className="error-head">
        <strong className="error-title">{title ?? TITLES[error.kind]}</strong>
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
