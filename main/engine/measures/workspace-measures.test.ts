import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import {
  defaultMeasures,
  measuresPath,
  restoreDefaultMeasures,
  saveMeasures,
  workspaceMeasures,
} from './workspace-measures.ts';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'gemba-measures-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function errorOf(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an input error');
}

describe("the workspace's measures.json", () => {
  it('is copied from the default on first use and read back afterwards', () => {
    expect(existsSync(measuresPath(dir))).toBe(false);
    expect(workspaceMeasures(dir)).toEqual(defaultMeasures());
    expect(JSON.parse(readFileSync(measuresPath(dir), 'utf8'))).toEqual(defaultMeasures());
    const edited = defaultMeasures();
    edited.parameters.slaTarget = { value: 3, unit: 'days' };
    writeFileSync(measuresPath(dir), JSON.stringify(edited));
    expect(workspaceMeasures(dir).parameters.slaTarget).toEqual({ value: 3, unit: 'days' });
  });

  it('says on which line a hand edit broke the JSON and how to restore the default', () => {
    workspaceMeasures(dir);
    const lines = readFileSync(measuresPath(dir), 'utf8').split('\n');
    lines[5] = lines[5].replace(/,$/, ''); // drop a comma: line 6 now runs into line 7
    writeFileSync(measuresPath(dir), lines.join('\n'));
    const error = errorOf(() => workspaceMeasures(dir));
    expect(error.message).toMatch(/^The measurement schema is not valid JSON/);
    expect(error.details.line).toBe(7);
    expect(error.details.file).toBe(measuresPath(dir));
    expect(error.details.hint).toContain('--restore-measures');
  });

  it('names the measure, the field and the line of a schema problem', () => {
    workspaceMeasures(dir);
    const text = readFileSync(measuresPath(dir), 'utf8').replace('"unit": "events per case"', '"unit": "events"');
    writeFileSync(measuresPath(dir), text);
    const error = errorOf(() => workspaceMeasures(dir));
    expect(error.message).toContain('measure "exception_frequency", field unit');
    expect(error.details.line).toBe(text.split('\n').findIndex((l) => l.includes('"unit": "events"')) + 1);
  });

  it('says so when the workspace folder is not there', () => {
    expect(errorOf(() => workspaceMeasures(join(dir, 'gone'))).message).toContain('There is no workspace folder');
  });

  it('saves only a valid schema, and restores the default keeping the bad file', () => {
    workspaceMeasures(dir);
    expect(() => saveMeasures(dir, { schemaVersion: 1, parameters: {}, measures: [] })).toThrow(
      /must list at least 1 item/,
    );
    expect(workspaceMeasures(dir)).toEqual(defaultMeasures());
    writeFileSync(measuresPath(dir), '{ broken');
    expect(restoreDefaultMeasures(dir)).toEqual(defaultMeasures());
    expect(readFileSync(`${measuresPath(dir)}.bak`, 'utf8')).toBe('{ broken');
    expect(workspaceMeasures(dir)).toEqual(defaultMeasures());
  });
});
