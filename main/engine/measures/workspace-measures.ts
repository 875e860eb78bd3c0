import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import shipped from '../../../resources/measures/default.json' with { type: 'json' };
import { InputError } from '../errors.ts';
import { lineAndColumn } from './json-location.ts';
import type { MeasuresFile } from './measure-types.ts';
import { validateMeasures } from './validate-measures.ts';

/**
 * The workspace's own copy of the measurement schema, `<workspace>/measures.json`, beside
 * workspace.db: copied from the shipped default on first use, edited by the user (in the app
 * or by hand), read back and checked every time it is used.
 */

export const MEASURES_FILE_NAME = 'measures.json';

/** The shipped default (resources/measures/default.json), checked, as a fresh copy the caller may change. */
export function defaultMeasures(): MeasuresFile {
  return validateMeasures(structuredClone(shipped), { file: 'resources/measures/default.json' });
}

export function measuresPath(workspaceDir: string): string {
  return join(workspaceDir, MEASURES_FILE_NAME);
}

/** The workspace's measures: the file if there is one (checked), else the default, copied in first. */
export function workspaceMeasures(workspaceDir: string): MeasuresFile {
  if (!existsSync(workspaceDir))
    throw new InputError(`There is no workspace folder ${workspaceDir}.`, {
      hint: 'Open or create the workspace first.',
    });
  const path = measuresPath(workspaceDir);
  if (!existsSync(path)) {
    const measures = defaultMeasures();
    writeAtomically(path, measures);
    return measures;
  }
  return readMeasuresFile(path);
}

/** Reads and checks a measures file; a problem names the line and says how to restore the default. */
export function readMeasuresFile(path: string): MeasuresFile {
  const text = readFileSync(path, 'utf8');
  const restoreHint =
    `Fix it in a text editor, or restore the default: delete ${path} (Gemba copies the default back on next use; ` +
    'gemba kpi WS --restore-measures does this and keeps your file as measures.json.bak).';
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const at = position ? lineAndColumn(text, Number(position[1])) : null;
    throw new InputError(
      `The measurement schema is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}.`,
      {
        file: path,
        ...(at ? { line: at.line, column: at.column } : {}),
        hint: restoreHint,
      },
    );
  }
  return validateMeasures(data, { file: path, text, restoreHint });
}

/** Checks and writes a changed schema (the app's editor); a bad one is refused and the file stays as it was. */
export function saveMeasures(workspaceDir: string, measures: unknown): MeasuresFile {
  const checked = validateMeasures(measures, { file: MEASURES_FILE_NAME });
  writeAtomically(measuresPath(workspaceDir), checked);
  return checked;
}

/** Puts the shipped default back; the replaced file is kept as measures.json.bak so no edit is lost. */
export function restoreDefaultMeasures(workspaceDir: string): MeasuresFile {
  const path = measuresPath(workspaceDir);
  if (existsSync(path)) renameSync(path, `${path}.bak`);
  const measures = defaultMeasures();
  writeAtomically(path, measures);
  return measures;
}

function writeAtomically(path: string, measures: MeasuresFile): void {
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, `${JSON.stringify(measures, null, 2)}\n`);
  renameSync(temp, path);
}
