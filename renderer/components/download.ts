import type { ExportFile } from '../../preload/api.ts';
import { gemba } from '../api/client.ts';

/**
 * Saves an exported file (a chart or the map as PNG/SVG, a table as CSV, a log), the one way for
 * every export. In the desktop app the window may not download (the shell blocks downloads), so
 * the file goes through the contract's saveExport: the shell asks where with the system's save
 * dialog and writes it. In the browser mode there is no dialog to open on the host: the call's
 * answer is 'download' and the browser's download saves it.
 */
export async function downloadBlob(blob: Blob, name: string): Promise<'saved' | 'cancelled' | 'downloaded'> {
  if (window.gemba) {
    const saved = await gemba().saveExport(await exportFileOf(blob, name));
    if (saved.status !== 'download') return saved.status;
  }
  browserDownload(blob, name);
  return 'downloaded';
}

/** Text types travel as text; everything else as base64 (the contract carries plain JSON). */
export async function exportFileOf(blob: Blob, name: string): Promise<ExportFile> {
  const mimeType = blob.type || 'application/octet-stream';
  if (/^text\/|\+xml\b|^application\/(xml|json)\b/.test(mimeType))
    return { name, mimeType, data: await blob.text(), encoding: 'utf8' };
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode with a few million arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name, mimeType, data: btoa(binary), encoding: 'base64' };
}

/** Hands a file to the browser's download. */
function browserDownload(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: the download reads the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
