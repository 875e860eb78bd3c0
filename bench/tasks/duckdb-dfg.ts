/**
 * The DuckDB side of the map benchmark (issue 5): directly-follows edges with counts and mean /
 * median waits (LAG window + GROUP BY) and variants (ordered string_agg) over a CSV loaded into
 * a table first. Only the queries are timed. Usage: duckdb-dfg.ts FILE [--check TRUTH.json]
 * With --check, the result is compared with the generator's truth and the task fails on a mismatch.
 */
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import type { GeneratedTruth } from '../generate.ts';
import { measureTask } from '../lib/task.ts';

const [file, checkFlag, truthPath] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run(
  `CREATE TABLE events AS SELECT "case:concept:name" AS case_id, "concept:name" AS activity, "time:timestamp" AS ts, row_number() OVER () AS file_order FROM read_csv('${file.replace(/'/g, "''")}')`,
);

const DFG_SQL = `
  WITH ordered AS (
    SELECT activity, ts,
           LAG(activity) OVER w AS prev_activity,
           LAG(ts) OVER w AS prev_ts
    FROM events
    WINDOW w AS (PARTITION BY case_id ORDER BY ts, file_order)
  )
  SELECT prev_activity AS "from", activity AS "to", count(*) AS n,
         avg(epoch(ts) - epoch(prev_ts)) AS mean_s, median(epoch(ts) - epoch(prev_ts)) AS median_s
  FROM ordered WHERE prev_activity IS NOT NULL GROUP BY ALL ORDER BY n DESC`;
const VARIANTS_SQL = `
  SELECT trace, count(*) AS n FROM (
    SELECT string_agg(activity, '\u0001' ORDER BY ts, file_order) AS trace FROM events GROUP BY case_id
  ) GROUP BY trace ORDER BY n DESC`;

await measureTask(async () => {
  const edges = (await connection.runAndReadAll(DFG_SQL)).getRows();
  const variants = (await connection.runAndReadAll(VARIANTS_SQL)).getRows();
  if (checkFlag === '--check') check(edges, variants, JSON.parse(readFileSync(truthPath, 'utf8')) as GeneratedTruth);
  return {
    edges: edges.length,
    variants: variants.length,
    queries: ['LAG window + GROUP BY (count, mean, median)', 'ordered string_agg + GROUP BY'],
  };
});

function check(edges: unknown[][], variants: unknown[][], truth: GeneratedTruth): void {
  const expected = new Map(truth.dfg.map((e) => [`${e.from}\u0000${e.to}`, e]));
  if (edges.length !== expected.size) throw new Error(`DuckDB found ${edges.length} edges, truth has ${expected.size}`);
  for (const [from, to, n, mean, median] of edges) {
    const e = expected.get(`${from}\u0000${to}`);
    const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
    if (
      !e ||
      Number(n) !== e.count ||
      !close(Number(mean), e.meanSeconds) ||
      (e.medianSeconds !== null && !close(Number(median), e.medianSeconds))
    )
      throw new Error(`edge ${from} -> ${to} differs from the truth`);
  }
  const expectedVariants = new Map(truth.variants.map((v) => [v.activities.join('\u0001'), v.count]));
  for (const [trace, n] of variants)
    if (expectedVariants.get(String(trace)) !== Number(n))
      throw new Error(`variant ${String(trace)} differs from the truth`);
  if (variants.length !== expectedVariants.size)
    throw new Error(`DuckDB found ${variants.length} variants, truth has ${expectedVariants.size}`);
}
