/**
 * Data-quality benchmark (issue 4), in one run on the same dirty 1M-event log:
 *   - the import of the CSV into a workspace (parse, check, Arrow snapshot, SQLite commit);
 *   - the full quality report on the imported log, beside it (goal: well under the import);
 *   - each check on its own, and applying every suggested fix;
 *   - what the report found next to what the generator injected (--dirty truth).
 * Flags: --events N (default 1M), --seed N, --repeat N (default 3, best time reported).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QualityCheck, QualityFix } from '../preload/api.ts';
import { importLog } from '../main/engine/workspace/import-log.ts';
import * as quality from '../main/engine/quality/index.ts';
import { FixesStore } from '../main/engine/workspace/fixes-store.ts';
import { Workspace } from '../main/engine/workspace/workspace.ts';
import { parseCount } from './generate.ts';
import { dataset } from './lib/datasets.ts';
import { printTable, rate, writeResults } from './lib/report.ts';
import { benchArgs } from './lib/bench-args.ts';

const { option } = benchArgs();
const events = parseCount(option('--events', '1M'));
const seed = Number(option('--seed', '42'));
const repeat = Number(option('--repeat', '3'));

function best<T>(run: () => T): { ms: number; value: T } {
  let ms = Infinity;
  let value!: T;
  for (let k = 0; k < repeat; k++) {
    const t0 = performance.now();
    value = run();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, value };
}

const csv = await dataset(events, 'csv', seed, true);
const dir = mkdtempSync(join(tmpdir(), 'gemba-quality-bench-'));
try {
  const ws = Workspace.create(join(dir, 'ws'));
  const t0 = performance.now();
  const summary = await importLog(ws, csv.path, { acceptRejects: true });
  const importMs = performance.now() - t0;
  const log = ws.loadLog(summary.importId);
  const store = new FixesStore(ws);
  const report = best(() => store.report({ raw: log, fixed: log }));

  const checks: [string, () => QualityCheck][] = [
    ['missing_values', () => quality.missingValues(log)],
    ['duplicate_events', () => quality.duplicateEvents(log)],
    ['inconsistent_labels', () => quality.inconsistentLabels(log)],
    ['future_timestamps', () => quality.futureTimestamps(log)],
    ['old_timestamps', () => quality.oldTimestamps(log)],
    ['coarse_timestamps', () => quality.coarseTimestamps(log, { timezone: summary.mapping?.timezone ?? null })],
    ['many_ties', () => quality.manyTies(log)],
    ['order_conflicts', () => quality.orderConflicts(log)],
    ['incomplete_cases', () => quality.incompleteCases(log)],
    ['missing_handoffs', () => quality.missingHandoffs(log)],
    ['outlier_durations', () => quality.outlierDurations(log)],
  ];
  const perCheck = checks.map(([kind, run]) => ({ kind, ms: best(run).ms }));
  const fixes = report.value.checks.map((c) => c.fix).filter((f): f is QualityFix => f !== null);
  const applied = best(() => quality.applyFixes(log, fixes));

  printTable(
    `Quality report beside the import, ${log.eventCount.toLocaleString('en-US')} events (${csv.path.split('/').pop()}, best of ${repeat})`,
    ['', 'time', 'share of import', 'rate'],
    [
      [
        'import into a workspace (CSV → SQLite + Arrow)',
        `${(importMs / 1000).toFixed(2)} s`,
        '100%',
        rate(log.eventCount, importMs / 1000),
      ],
      [
        'full quality report (14 checks)',
        `${(report.ms / 1000).toFixed(2)} s`,
        `${((100 * report.ms) / importMs).toFixed(1)}%`,
        rate(log.eventCount, report.ms / 1000),
      ],
      [
        `apply the ${fixes.length} suggested fixes`,
        `${(applied.ms / 1000).toFixed(2)} s`,
        `${((100 * applied.ms) / importMs).toFixed(1)}%`,
        `${applied.value.eventCount.toLocaleString('en-US')} events left`,
      ],
    ],
  );
  printTable(
    'Each check alone',
    ['check', 'time'],
    perCheck.map((c) => [c.kind, `${c.ms.toFixed(0)} ms`]),
  );
  const injected: Record<string, number> = csv.truth.dirty?.injected ?? {};
  const found = Object.fromEntries(report.value.checks.map((c) => [c.kind, c.count]));
  printTable(
    'Found vs injected (generator --dirty truth; goal within ±10%)',
    ['kind', 'injected', 'found', 'within 10%'],
    Object.entries(injected).map(([kind, n]) => [
      kind,
      n,
      found[kind] ?? '—',
      Math.abs((found[kind] ?? 0) - n) <= 0.1 * n ? 'yes' : 'NO',
    ]),
  );
  const path = writeResults('quality', {
    events: log.eventCount,
    cases: log.caseCount,
    importMs,
    reportMs: report.ms,
    applyFixesMs: applied.ms,
    perCheckMs: Object.fromEntries(perCheck.map((c) => [c.kind, c.ms])),
    injected,
    found,
    goals: {
      reportUnderImport: {
        value: report.ms / importMs,
        goal: 'well under 1 (< 0.25)',
        met: report.ms < 0.25 * importMs,
      },
    },
  });
  console.log(`\nresults: ${path}`);
  ws.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
