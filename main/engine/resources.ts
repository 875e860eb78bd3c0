import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where a file that ships with Gemba and is read at run time (resources/: measures/, samples/, …)
 * is, in each way Gemba runs:
 * - `GEMBA_RESOURCES` names a folder: there (tests, unusual installs);
 * - the packaged app: `process.resourcesPath/resources`, where electron-builder's extraResources
 *   puts the folder (outside app.asar, so native code and plain fs can read it);
 * - development, the browser host and the CLI (`npx gemba`, run from the sources): the repository's
 *   resources/, found from this file (main/engine/ in the sources, dist/app/ when bundled, both two
 *   levels below the root).
 * Files imported as JSON modules (the measurement schema) are bundled instead and need none of this.
 */
export function resourcePath(...segments: string[]): string {
  for (const root of resourceRoots()) {
    const path = join(root, ...segments);
    if (existsSync(path)) return path;
  }
  throw new Error(
    `The resource ${segments.join('/')} that ships with Gemba is missing (looked in ${resourceRoots().join(', ')}). Reinstall Gemba or set GEMBA_RESOURCES.`,
  );
}

/** The folders looked in, first match wins. */
export function resourceRoots(): string[] {
  const roots: string[] = [];
  if (process.env.GEMBA_RESOURCES) roots.push(process.env.GEMBA_RESOURCES);
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged) roots.push(join(packaged, 'resources'));
  roots.push(fileURLToPath(new URL('../../resources/', import.meta.url)));
  return roots;
}
