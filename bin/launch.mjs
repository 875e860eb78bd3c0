// Starts one of Gemba's Node programs from the prebuilt bundle in dist/node when it was built from
// the sources on disk now; otherwise rebuilds it (esbuild, about a second) and starts that; and
// when it cannot be built (a production install without esbuild, a read-only folder), runs the
// TypeScript sources through tsx. Old code never runs against newer sources.
// GEMBA_FROM_SOURCE=1 always runs the sources through tsx.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, ENTRIES, bundleIsCurrent, buildNodeBundle } from '../scripts/node-bundle.mjs';

/**
 * `entry`: a name in ENTRIES (scripts/node-bundle.mjs); `source`: its TypeScript file, as a URL.
 * `options` (tests): another root and entries, or a `build` standing in for esbuild.
 */
export async function launch(entry, source, { root = ROOT, entries = ENTRIES, build = buildNodeBundle } = {}) {
  const bundled = path.join(root, 'dist', 'node', `${entry}.js`);
  const usable = () => bundleIsCurrent(root) && existsSync(bundled);
  if (process.env.GEMBA_FROM_SOURCE !== '1' && (usable() || ((await rebuilt(root, entries, build)) && usable()))) {
    await import(pathToFileURL(bundled).href);
    return;
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
}

async function rebuilt(root, entries, build) {
  try {
    await build(root, entries);
    return bundleIsCurrent(root);
  } catch (error) {
    if (process.env.GEMBA_DEBUG)
      process.stderr.write(
        `gemba: the bundle could not be rebuilt, running the sources through tsx (${error instanceof Error ? error.message : String(error)})\n`,
      );
    return false;
  }
}
