#!/usr/bin/env node
// `npm run serve`: Gemba's browser mode. Starts from the bundle in dist/node, or from the
// TypeScript sources through tsx when that bundle is missing or older than the sources
// (bin/launch.mjs); the UI itself is built by scripts/build.mjs.
import { launch } from './launch.mjs';

await launch('serve', new URL('../main/host/serve.ts', import.meta.url));
