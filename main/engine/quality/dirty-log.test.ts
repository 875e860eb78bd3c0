import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QualityReport } from '../../../preload/api.ts';
import { parseCsvLog } from '../import/csv/parse-csv-log.ts';
import { qualityReport } from './quality-report.ts';

/*
 * The bench generator's --dirty mode injects each defect at a counted number into an otherwise
 * clean order-to-cash log (bench/generator/defects.ts). Run through the real CSV importer, the
 * report must find each kind within ±10% of what was injected. The generator is run as its CLI,
 * so this test depends on its documented interface only.
 */

const ROOT = new URL('../../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'gemba-dirty-'));
const file = join(dir, 'dirty.csv');
let report: QualityReport;
let injected: Record<string, number>;
let labelMergeMap: Record<string, string>;

beforeAll(async () => {
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'bench/generate.ts'),
      '--events',
      '20000',
      '--seed',
      '11',
      '--format',
      'csv',
      '--out',
      file,
      '--dirty',
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`generator failed: ${run.stderr}`);
  const truth = JSON.parse(readFileSync(`${file}.truth.json`, 'utf8')) as {
    dirty: { injected: Record<string, number>; details: { labelMergeMap: Record<string, string> } };
  };
  injected = truth.dirty.injected;
  labelMergeMap = truth.dirty.details.labelMergeMap;
  const parsed = await parseCsvLog(file, {}, { fileName: 'dirty.csv' });
  report = qualityReport(parsed.log, {
    rejectedRows: parsed.rejected,
    rejectedCount: parsed.rejectedCount,
    mapping: parsed.mapping,
  });
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('quality report on a generated dirty log', () => {
  const kinds = [
    'missing_values',
    'duplicate_events',
    'inconsistent_labels',
    'unparseable_timestamps',
    'future_timestamps',
    'order_conflicts',
    'incomplete_cases',
  ];
  for (const kind of kinds) {
    it(`finds ${kind} within ±10% of the injected count`, () => {
      const expected = injected[kind];
      expect(expected).toBeGreaterThan(10); // the log is large enough for the rates to matter
      const found = report.checks.find((c) => c.kind === kind)!.count;
      expect(Math.abs(found - expected)).toBeLessThanOrEqual(0.1 * expected);
    });
  }

  it('proposes exactly the injected label variants for merging', () => {
    const fix = report.checks.find((c) => c.kind === 'inconsistent_labels')!.fix;
    expect(fix?.kind === 'merge_labels' && fix.params.map).toEqual(labelMergeMap);
  });

  it('calls the log unhealthy', () => {
    expect(report.health).not.toBe('green');
  });
});
