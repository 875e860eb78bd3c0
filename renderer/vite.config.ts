import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The renderer is served by main/host (browser mode) and loaded from disk by Electron, so the
// build uses relative URLs, emits no inline script (CSP `default-src 'self'`) and pulls nothing
// from the network: every dependency is bundled from node_modules.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  publicDir: false,
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react' },
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
    target: 'es2023',
    chunkSizeWarningLimit: 4000,
  },
  server: { host: '127.0.0.1' },
});
