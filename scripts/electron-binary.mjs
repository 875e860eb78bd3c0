// Where the Electron binary is, or why there is none. `electron` is an optional dependency: when
// its binary download fails (offline machines) npm removes the package, or leaves it without
// the binary when ELECTRON_SKIP_BINARY_DOWNLOAD was set.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @returns {{ path: string } | { missing: string }} */
export function findElectronBinary() {
  let binary;
  try {
    binary = require('electron');
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    return {
      missing:
        code === 'MODULE_NOT_FOUND'
          ? 'the electron package is not installed (its binary download failed during npm install)'
          : 'the electron package has no binary (its download failed or was skipped)',
    };
  }
  if (typeof binary !== 'string' || !existsSync(binary)) return { missing: `no Electron binary at ${String(binary)}` };
  return { path: binary };
}
