// Development entry of a job thread (job-thread.ts): workers do not inherit the parent's
// TypeScript loader, so register tsx here, then load the thread's TypeScript module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
