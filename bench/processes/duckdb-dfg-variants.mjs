// The reference for `gemba dfg` + `gemba variants` as whole processes: Node opens a DuckDB
// database file (made once from the same CSV, like a Gemba workspace) and runs the same two
// queries as bench/tasks/duckdb-dfg.ts, printing the row counts. Usage: FILE.duckdb
import { DuckDBInstance } from '@duckdb/node-api';

const instance = await DuckDBInstance.create(process.argv[2], { access_mode: 'READ_ONLY' });
const connection = await instance.connect();
const edges = await connection.runAndReadAll(`
  WITH ordered AS (
    SELECT activity, ts, LAG(activity) OVER w AS prev_activity, LAG(ts) OVER w AS prev_ts
    FROM events WINDOW w AS (PARTITION BY case_id ORDER BY ts, file_order)
  )
  SELECT prev_activity AS "from", activity AS "to", count(*) AS n,
         avg(epoch(ts) - epoch(prev_ts)) AS mean_s, median(epoch(ts) - epoch(prev_ts)) AS median_s
  FROM ordered WHERE prev_activity IS NOT NULL GROUP BY ALL ORDER BY n DESC`);
const variants = await connection.runAndReadAll(`
  SELECT trace, count(*) AS n FROM (
    SELECT string_agg(activity, '\u0001' ORDER BY ts, file_order) AS trace FROM events GROUP BY case_id
  ) GROUP BY trace ORDER BY n DESC`);
console.log(JSON.stringify({ edges: edges.getRows().length, variants: variants.getRows().length }));
