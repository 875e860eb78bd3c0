// The reference for `gemba import FILE.csv` as a whole process: Node starts DuckDB and reads the
// same CSV into a typed in-memory table (read_csv, all columns inferred, both cores). Usage: FILE
import { DuckDBInstance } from '@duckdb/node-api';

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run(`CREATE TABLE events AS SELECT * FROM read_csv('${process.argv[2].replace(/'/g, "''")}')`);
console.log((await connection.runAndReadAll('SELECT count(*) FROM events')).getRows()[0][0].toString());
