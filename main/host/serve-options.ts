import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../engine/errors.ts';
import { defaultUserDataDir } from './user-data-dir.ts';

export interface ServeOptions {
  port: number;
  userDataDir: string;
  rendererDir: string;
  /** Where bare workspace names are created; undefined leaves the engine's default (~/Gemba). */
  workspacesDir?: string;
}

export const SERVE_USAGE =
  'Usage: npm run serve -- [--port N] [--user-data-dir DIR] [--workspaces DIR] [--renderer-dir DIR]';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Reads `npm run serve` arguments; a bad one is an InputError with the usage as hint. */
export function parseServeArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ServeOptions {
  const options: ServeOptions = {
    port: 0,
    userDataDir: defaultUserDataDir(env),
    rendererDir: path.join(REPO_ROOT, 'dist', 'renderer'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new InputError(`${flag} needs a value.`, { hint: SERVE_USAGE });
      return v;
    };
    switch (flag) {
      case '--port': {
        const text = value();
        const port = Number(text);
        if (!/^\d+$/.test(text) || port > 65535)
          throw new InputError(`--port must be a number from 0 to 65535, not "${text}".`, { hint: SERVE_USAGE });
        options.port = port;
        break;
      }
      case '--user-data-dir':
        options.userDataDir = path.resolve(value());
        break;
      case '--workspaces':
        options.workspacesDir = path.resolve(value());
        break;
      case '--renderer-dir':
        options.rendererDir = path.resolve(value());
        break;
      default:
        throw new InputError(`Unknown option "${arg}".`, { hint: SERVE_USAGE });
    }
  }
  return options;
}
