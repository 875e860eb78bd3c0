#!/usr/bin/env node
// The `gemba` command. Runs the TypeScript sources through tsx, so `npx gemba …` works right
// after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/main.ts');
