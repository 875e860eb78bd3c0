#!/usr/bin/env node
// `npm run serve`: Gemba's browser mode. Runs the TypeScript sources directly through tsx, so
// no build step is needed for the Node side (the UI itself is built by scripts/build.mjs).
import { register } from 'tsx/esm/api';

register();
await import('../main/host/serve.ts');
