import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { generateLog } from '../../bench/generate.ts';
import { parseCsvLog } from '../engine/import/csv/index.ts';
import { runOnThread } from '../worker/job-thread.ts';
import { csvPieceRunner } from './csv-piece-runner.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const dir = mkdtempSync(join(tmpdir(), 'gemba-csv-piece-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('parses pieces on worker threads with the one-pass result', async () => {
  const file = join(dir, 'log.csv');
  await generateLog({ events: 5000, seed: 11, format: 'csv', out: file, dirty: true });
  const single = await parseCsvLog(file, {}, { fileName: 'log.csv' });
  const pieces: number[] = [];
  const run = csvPieceRunner(runOnThread);
  const parallel = await parseCsvLog(
    file,
    {},
    {
      fileName: 'log.csv',
      parallelThresholdBytes: 0,
      parallelPieces: 3,
      runCsvPiece: async (input, signal) => {
        const result = await run(input, signal);
        if (result.aligned) pieces.push((await input).start);
        return result;
      },
    },
  );
  // Three pieces: the first parsed here, two on threads.
  expect(pieces.length).toBe(2);
  expect(parallel).toEqual(single);
}, 60_000);
