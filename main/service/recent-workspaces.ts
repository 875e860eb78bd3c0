import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { WorkspaceRef } from '../../preload/api.ts';

const FILE = 'recent-workspaces.json';
const KEEP = 12;

/** The recent-workspaces list in the user-data folder, shared by the app and the browser mode. */
export class RecentWorkspaces {
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = join(userDataDir, FILE);
  }

  /** Most recent first; workspaces deleted since are left out. */
  list(): WorkspaceRef[] {
    return this.read().filter((w) => existsSync(join(w.path, 'workspace.db')));
  }

  remember(path: string): void {
    const entries = this.read().filter((w) => w.path !== path);
    entries.unshift({ path, name: basename(path), openedAt: new Date().toISOString() });
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(entries.slice(0, KEEP), null, 2));
    renameSync(temp, this.file);
  }

  private read(): WorkspaceRef[] {
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      return Array.isArray(parsed) ? parsed.filter(isRef) : [];
    } catch {
      return [];
    }
  }
}

function isRef(x: unknown): x is WorkspaceRef {
  const r = x as WorkspaceRef;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.path === 'string' &&
    typeof r.name === 'string' &&
    typeof r.openedAt === 'string'
  );
}
