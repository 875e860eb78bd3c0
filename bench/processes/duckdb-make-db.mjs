// Makes the DuckDB database file duckdb-dfg-variants.mjs opens: the CSV's case, activity and
// time columns with the file order, as bench/tasks/duckdb-dfg.ts loads them. Usage: CSV OUT.duckdb
import { DuckDBInstance } from '@duckdb/node-api';

const [csv, out] = process.argv.slice(2);
const instance = await DuckDBInstance.create(out);
const connection = await instance.connect();
await connection.run(
  `CREATE OR REPLACE TABLE events AS SELECT "case:concept:name" AS case_id, "concept:name" AS activity, "time:timestamp" AS ts, row_number() OVER () AS file_order FROM read_csv('${csv.replace(/'/g, "''")}')`,
);
connection.closeSync?.();
