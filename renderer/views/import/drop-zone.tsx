import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { ACCEPTED_FILES } from './file-kind.ts';

/** A file picker that is also a drop target; reachable and usable from the keyboard. */
export function DropZone({ onFile, disabled }: { onFile: (file: File) => void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      input.current?.click();
    }
  }

  return (
    <div
      className={`drop-zone${over ? ' drop-over' : ''}${disabled ? ' drop-disabled' : ''}`}
      role="button"
      tabIndex={disabled ? -1 : 0}
      aria-label="Choose an event log file, or drop one here"
      aria-disabled={disabled}
      data-testid="drop-zone"
      onClick={() => !disabled && input.current?.click()}
      onKeyDown={onKeyDown}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <div className="drop-title">Drop an event log here, or click to choose a file</div>
      <div className="drop-formats muted">CSV (comma, semicolon or tab) · XES · XES.gz</div>
      <input
        ref={input}
        type="file"
        accept={ACCEPTED_FILES}
        hidden
        data-testid="file-input"
        aria-label="Event log file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
