/**
 * Measures benchmark (issue 9): every measure of the shipped schema per ISO week on the same
 * generated log, side by side in one run:
 *   - Gemba: computeMeasure on the in-memory columnar log (per-unit values with their cases,
 *     weekly chart input, KPI summary and trend);
 *   - DuckDB: the same weekly figures in SQL (window functions for waits and hand-offs, a
 *     per-case GROUP BY for durations and rates) on the same data already loaded into a table.
 * Both sides get the same parameters, set explicitly, and the weekly counts and means are
 * compared, so the two are known to compute the same thing. Loading is not timed for either
 * side (the import bench covers it).
 * Flags: --events N (default 1M), --seed N, --repeat N (default 3, best time reported).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { parseCsvLog } from '../main/engine/import/csv/parse-csv-log.ts';
import { computeMeasure, defaultMeasures, type MeasuresFile } from '../main/engine/measures/index.ts';
import { parseCount } from './generate.ts';
import { benchArgs } from './lib/bench-args.ts';
import { dataset } from './lib/datasets.ts';
import { printTable, writeResults } from './lib/report.ts';

const { option } = benchArgs();
const events = parseCount(option('--events', '1M'));
const seed = Number(option('--seed', '42'));
const repeat = Number(option('--repeat', '3'));

/** Fastest of `repeat` runs, wall time and the process's CPU time (all threads: DuckDB uses several). */
async function best<T>(run: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; value: T }> {
  let ms = Infinity;
  let cpuMs = Infinity;
  let value!: T;
  for (let k = 0; k < repeat; k++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    value = await run();
    ms = Math.min(ms, performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpuMs = Math.min(cpuMs, (cpu.user + cpu.system) / 1000);
  }
  return { ms, cpuMs, value };
}

const csv = await dataset(events, 'csv', seed);
console.log(
  `\nlog: ${csv.path} — ${csv.truth.events.toLocaleString('en-US')} events, ${csv.truth.cases.toLocaleString('en-US')} cases`,
);

// The same choices on both sides, so neither suggests anything the other does not know.
const WAIT_ACTIVITY = 'Check Credit';
const schema: MeasuresFile = defaultMeasures();
schema.parameters = {
  endActivities: ['Close Order'],
  defect: { activities: ['Reject Order'] },
  reworkActivities: null,
  exceptionActivities: ['Reject Order', 'Amend Order'],
  escalationActivities: ['Send Reminder'],
  slaTarget: { value: 14, unit: 'days' },
  slaCalendar: null,
};

// --- Gemba ------------------------------------------------------------------------------------
const log = (
  await parseCsvLog(
    csv.path,
    { case: 'case:concept:name', activity: 'concept:name', timestamp: 'time:timestamp', resource: 'org:resource' },
    { fileName: 'bench.csv' },
  )
).log;
type Weekly = Map<string, { n: number; mean: number }>;
// One untimed pass first, so the first measure timed does not pay for compiling the shared code.
for (const m of schema.measures)
  computeMeasure(log, schema, m.name, { period: 'week', activity: m.name === 'waiting_time' ? WAIT_ACTIVITY : null });
const gemba = new Map<string, { ms: number; cpuMs: number; weekly: Weekly }>();
for (const measure of schema.measures) {
  const { ms, cpuMs, value } = await best(() =>
    computeMeasure(log, schema, measure.name, {
      period: 'week',
      activity: measure.name === 'waiting_time' ? WAIT_ACTIVITY : null,
    }),
  );
  const weekly: Weekly = new Map();
  for (const s of value.summary.series) if (s.n > 0) weekly.set(s.period, { n: s.n, mean: s.value! });
  gemba.set(measure.name, { ms, cpuMs, weekly });
}
const gembaAll = await best(() =>
  schema.measures.map((m) =>
    computeMeasure(log, schema, m.name, { period: 'week', activity: m.name === 'waiting_time' ? WAIT_ACTIVITY : null }),
  ),
);

// --- DuckDB -----------------------------------------------------------------------------------
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
const threads = Number((await db.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0]);
await db.run(
  `CREATE TABLE ev AS SELECT "case:concept:name" AS c, "concept:name" AS a, epoch("time:timestamp") AS t, "org:resource" AS r, row_number() OVER () AS o FROM read_csv('${csv.path.replace(/'/g, "''")}')`,
);
// ISO week of an epoch second as the day number of its Monday: 1970-01-01 was a Thursday.
const WEEK = (t: string) => `CAST(floor((floor(${t} / 86400) + 3) / 7) * 7 - 3 AS INTEGER)`;
const CASES = `
  cases AS (
    SELECT c, min(t) AS t0, max(t) AS t1, arg_max(a, t) AS last_a,
           bool_or(a = 'Reject Order') AS defect,
           count(*) > count(DISTINCT a) AS rework,
           sum(CASE WHEN a IN ('Reject Order', 'Amend Order') THEN 1 ELSE 0 END) AS exceptions,
           bool_or(a = 'Send Reminder') AS escalated
    FROM ev GROUP BY c)`;
const PAIRS = `
  pairs AS (
    SELECT a, t, r, LAG(t) OVER w AS prev_t, LAG(r) OVER w AS prev_r
    FROM ev WINDOW w AS (PARTITION BY c ORDER BY t, o))`;
const perCase = (value: string) =>
  `WITH ${CASES} SELECT ${WEEK('t1')} AS week, count(*) AS n, avg(${value}) AS mean FROM cases WHERE last_a = 'Close Order' GROUP BY week`;
const SQL: Record<string, string> = {
  cycle_time: perCase('(t1 - t0) / 3600'),
  waiting_time: `WITH ${PAIRS} SELECT ${WEEK('t')} AS week, count(*) AS n, avg(greatest(0, t - prev_t) / 3600) AS mean FROM pairs WHERE a = '${WAIT_ACTIVITY}' AND prev_t IS NOT NULL GROUP BY week`,
  handoff_latency: `WITH ${PAIRS} SELECT ${WEEK('t')} AS week, count(*) AS n, avg(greatest(0, t - prev_t) / 3600) AS mean FROM pairs WHERE prev_r IS NOT NULL AND r IS NOT NULL AND r <> prev_r GROUP BY week`,
  throughput: `WITH ${CASES} SELECT ${WEEK('t1')} AS week, count(*) AS n, count(*) AS mean FROM cases WHERE last_a = 'Close Order' GROUP BY week`,
  defect_rate: perCase('CASE WHEN defect THEN 1 ELSE 0 END'),
  rework_rate: perCase('CASE WHEN rework THEN 1 ELSE 0 END'),
  exception_frequency: perCase('exceptions'),
  escalation_rate: perCase('CASE WHEN escalated THEN 1 ELSE 0 END'),
  sla_adherence: perCase(`CASE WHEN t1 - t0 <= ${14 * 86400} THEN 1 ELSE 0 END`),
  first_time_right: perCase('CASE WHEN NOT rework AND exceptions = 0 THEN 1 ELSE 0 END'),
};
for (const m of schema.measures) await db.runAndReadAll(SQL[m.name]); // the same untimed first pass
const duck = new Map<string, { ms: number; cpuMs: number; weekly: Weekly }>();
for (const measure of schema.measures) {
  const { ms, cpuMs, value } = await best(async () => (await db.runAndReadAll(SQL[measure.name])).getRows());
  const weekly: Weekly = new Map();
  for (const [week, n, mean] of value)
    weekly.set(new Date(Number(week) * 86_400_000).toISOString().slice(0, 10), { n: Number(n), mean: Number(mean) });
  duck.set(measure.name, { ms, cpuMs, weekly });
}
const duckAll = await best(async () => {
  const out = [];
  for (const m of schema.measures) out.push((await db.runAndReadAll(SQL[m.name])).getRows());
  return out;
});
db.closeSync();
instance.closeSync();

// --- Compare ----------------------------------------------------------------------------------
function sameWeekly(a: Weekly, b: Weekly): boolean {
  if (a.size !== b.size) return false;
  for (const [week, x] of a) {
    const y = b.get(week);
    if (!y || y.n !== x.n || Math.abs(y.mean - x.mean) > 1e-9 * Math.max(1, Math.abs(x.mean))) return false;
  }
  return true;
}
const rows = schema.measures.map((m) => {
  const g = gemba.get(m.name)!;
  const d = duck.get(m.name)!;
  return {
    measure: m.name,
    gembaMs: g.ms,
    duckdbMs: d.ms,
    gembaCpuMs: g.cpuMs,
    duckdbCpuMs: d.cpuMs,
    weeks: g.weekly.size,
    same: sameWeekly(g.weekly, d.weekly),
  };
});
printTable(
  `Every measure per ISO week on ${log.eventCount.toLocaleString('en-US')} events (same data, same run, best of ${repeat})`,
  [
    'measure',
    'Gemba',
    `DuckDB SQL (${threads} threads)`,
    'Gemba speed-up',
    'CPU Gemba',
    'CPU DuckDB',
    'weeks',
    'weekly n and mean',
  ],
  [
    ...rows.map((r) => [
      r.measure,
      `${r.gembaMs.toFixed(0)} ms`,
      `${r.duckdbMs.toFixed(0)} ms`,
      `${(r.duckdbMs / r.gembaMs).toFixed(1)}×`,
      `${r.gembaCpuMs.toFixed(0)} ms`,
      `${r.duckdbCpuMs.toFixed(0)} ms`,
      r.weeks,
      r.same ? 'same' : 'DIFFER',
    ]),
    [
      'all ten',
      `${gembaAll.ms.toFixed(0)} ms`,
      `${duckAll.ms.toFixed(0)} ms`,
      `${(duckAll.ms / gembaAll.ms).toFixed(1)}×`,
      `${gembaAll.cpuMs.toFixed(0)} ms`,
      `${duckAll.cpuMs.toFixed(0)} ms`,
      '',
      rows.every((r) => r.same) ? 'all same' : 'SOME DIFFER',
    ],
  ],
);
const path = writeResults('measures', {
  events: log.eventCount,
  cases: log.caseCount,
  repeat,
  parameters: schema.parameters,
  waitingTimeActivity: WAIT_ACTIVITY,
  measures: rows,
  all: { gembaMs: gembaAll.ms, duckdbMs: duckAll.ms, gembaCpuMs: gembaAll.cpuMs, duckdbCpuMs: duckAll.cpuMs },
  duckdb: { threads, sql: SQL },
  goals: {
    fasterThanDuckdb: { value: duckAll.ms / gembaAll.ms, goal: '> 1', met: duckAll.ms > gembaAll.ms },
    sameWeeklyFigures: rows.every((r) => r.same),
  },
});
console.log(`\nresults: ${path}`);
if (!rows.every((r) => r.same)) process.exitCode = 1;
