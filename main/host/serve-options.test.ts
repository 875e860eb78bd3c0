import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../engine/errors.ts';
import { parseServeArgs } from './serve-options.ts';
import { defaultUserDataDir } from './user-data-dir.ts';

describe('npm run serve options', () => {
  it('defaults to a random port and the per-user data folder', () => {
    const options = parseServeArgs([], { GEMBA_USER_DATA: '/tmp/g' });
    expect(options.port).toBe(0);
    expect(options.userDataDir).toBe(path.resolve('/tmp/g'));
    expect(options.rendererDir.endsWith(path.join('dist', 'renderer'))).toBe(true);
  });

  it('reads --port and --user-data-dir in both spellings', () => {
    expect(parseServeArgs(['--port', '8123'], {}).port).toBe(8123);
    expect(parseServeArgs(['--port=8124', '--user-data-dir=/tmp/x'], {})).toMatchObject({
      port: 8124,
      userDataDir: path.resolve('/tmp/x'),
    });
    expect(parseServeArgs(['--workspaces', '/tmp/ws'], {}).workspacesDir).toBe(path.resolve('/tmp/ws'));
  });

  it('refuses a bad port or an unknown option with the usage as hint', () => {
    for (const argv of [['--port', 'abc'], ['--port', '70000'], ['--port'], ['--host', '0.0.0.0']]) {
      expect(() => parseServeArgs(argv, {}), argv.join(' ')).toThrow(InputError);
    }
  });

  it('uses the same folder Electron would for an app named gemba', () => {
    expect(defaultUserDataDir({ HOME: '/home/u', XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe(path.join('/cfg', 'gemba'));
    expect(defaultUserDataDir({ APPDATA: 'C:/Users/u/AppData/Roaming' }, 'win32')).toBe(
      path.join('C:/Users/u/AppData/Roaming', 'gemba'),
    );
  });
});
