#!/usr/bin/env node
// `npm start`: build and open the desktop app. Without an Electron binary it says so in one line
// and points at the browser mode, which serves the same UI and the same engine.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electron = findElectronBinary();
if ('missing' in electron) {
  console.error(
    `Electron binary not installed: ${electron.missing}. Run "npm run serve" to open the same UI in your browser.`,
  );
  process.exit(1);
}

const build = spawn(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
build.on('exit', (code) => {
  if (code !== 0) process.exit(code ?? 1);
  const env = { ...process.env };
  // Set by some shells and tools; it would make the binary behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const app = spawn(electron.path, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
  app.on('exit', (appCode, signal) => process.exit(signal ? 1 : (appCode ?? 0)));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
});
