/** DuckDB reads the same CSV into a typed in-memory table (read_csv, all columns inferred). */
import { DuckDBInstance } from '@duckdb/node-api';
import { measureTask } from '../lib/task.ts';

const file = process.argv[2];
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const sql = (path: string) => `'${path.replace(/'/g, "''")}'`;
const threads = (await connection.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0];
await measureTask(async () => {
  await connection.run(`CREATE TABLE events AS SELECT * FROM read_csv(${sql(file)})`);
  const rows = (await connection.runAndReadAll('SELECT count(*) FROM events')).getRows();
  const events = Number(rows[0][0]);
  // count(*) straight off the file: DuckDB can skip converting columns, so this is its floor.
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await connection.run(`SELECT count(*) FROM read_csv(${sql(file)})`);
  const countOnlySeconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return {
    events,
    countOnlySeconds,
    countOnlyCpuSeconds: (cpu.user + cpu.system) / 1e6,
    threads: Number(threads),
    statement: 'CREATE TABLE events AS SELECT * FROM read_csv(file)',
  };
});
