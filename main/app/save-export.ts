import { basename, extname, join } from 'node:path';
import type { ExportFile, ExportSaved } from '../../preload/api.ts';
import { InputError } from '../engine/errors.ts';

/**
 * The desktop side of `saveExport`: the page may not download (hardening.ts blocks downloads so
 * nothing lands on disk unasked), so the shell asks where to save with the system's save dialog
 * and writes the file itself. Electron-free: the dialog and the writer are handed in, so this is
 * unit-tested with fakes; main/app/ipc.ts passes Electron's.
 */
export interface SaveDialogOptions {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
}

export interface SaveExportDeps {
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  /** The folder the dialog starts in (the user's Downloads). */
  defaultDir: string;
}

const KINDS: Record<string, { name: string; extensions: string[] }> = {
  'image/png': { name: 'PNG image', extensions: ['png'] },
  'image/svg+xml': { name: 'SVG image', extensions: ['svg'] },
  'text/csv': { name: 'CSV table', extensions: ['csv'] },
  'application/xml': { name: 'XES event log', extensions: ['xes'] },
  'application/gzip': { name: 'Compressed XES event log', extensions: ['gz'] },
};

/** Up to 200 MB of content: a rasterised map or an exported log, never more. */
const MAX_BYTES = 200 * 1024 * 1024;

function checkName(name: string): string {
  if (!name.trim() || basename(name) !== name || name === '.' || name === '..' || /[\\/\0]/.test(name)) {
    throw new InputError(`"${name}" is not a file name: an export proposes a name without a folder.`, {
      hint: 'Give a plain name such as "Cycle time per week.png".',
    });
  }
  return name;
}

function bytesOf(file: ExportFile): Uint8Array {
  if (file.encoding === 'utf8') return new TextEncoder().encode(file.data);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(file.data))
    throw new InputError(`The content of ${file.name} is not base64.`, {
      hint: 'Send bytes in base64, text with encoding utf8.',
    });
  return Buffer.from(file.data, 'base64');
}

/** The shell answers this call itself, so it checks what the engine thread's argument checks would. */
function checkFile(file: unknown): ExportFile {
  const f = file as Partial<Record<keyof ExportFile, unknown>> | null;
  const ok =
    f !== null &&
    typeof f === 'object' &&
    typeof f.name === 'string' &&
    typeof f.mimeType === 'string' &&
    typeof f.data === 'string' &&
    (f.encoding === 'utf8' || f.encoding === 'base64');
  if (!ok)
    throw new InputError('saveExport takes { name, mimeType, data, encoding: "utf8" | "base64" }, each a text.', {
      hint: 'Send the export as the contract describes (preload/api/exports.ts).',
    });
  return file as ExportFile;
}

export async function saveExportFile(input: ExportFile, deps: SaveExportDeps): Promise<ExportSaved> {
  const file = checkFile(input);
  const name = checkName(file.name);
  const bytes = bytesOf(file);
  if (bytes.length > MAX_BYTES)
    throw new InputError(`${name} is ${Math.round(bytes.length / 1048576)} MB: too large to save from the window.`, {
      hint: 'Export fewer points or a smaller picture.',
    });
  const kind = KINDS[file.mimeType.split(';')[0].trim()];
  const extension = extname(name).slice(1);
  const filters = [
    ...(kind ? [kind] : extension ? [{ name: `${extension.toUpperCase()} file`, extensions: [extension] }] : []),
    { name: 'All files', extensions: ['*'] },
  ];
  const choice = await deps.showSaveDialog({
    title: `Save ${name}`,
    defaultPath: join(deps.defaultDir, name),
    filters,
  });
  if (choice.canceled || !choice.filePath) return { status: 'cancelled' };
  await deps.writeFile(choice.filePath, bytes);
  return { status: 'saved', path: choice.filePath, bytes: bytes.length };
}
