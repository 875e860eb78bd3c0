#!/usr/bin/env node
// The `gemba` command. Starts from the bundle that `npm install` builds (dist/node/cli.js), or
// from the TypeScript sources through tsx when that bundle is missing or older than the sources
// (bin/launch.mjs), so `npx gemba …` works right after `npm install` with no build step.
import { launch } from './launch.mjs';

await launch('cli', new URL('../main/cli/main.ts', import.meta.url));
