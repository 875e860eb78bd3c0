import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { generateLog } from '../../bench/generate.ts';
import { parseXesLog } from '../engine/import/xes/index.ts';
import { runOnThread } from '../worker/job-thread.ts';
import { xesPieceRunner } from './xes-piece-runner.ts';

const dir = mkdtempSync(join(tmpdir(), 'gemba-xes-piece-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('reads the second piece of an XES file on a worker thread with the one-pass result', async () => {
  const file = join(dir, 'log.xes');
  await generateLog({ events: 5000, seed: 12, format: 'xes', out: file, dirty: true });
  const single = await parseXesLog(file, { fileName: 'log.xes' });
  const run = xesPieceRunner(runOnThread);
  const outcomes: boolean[] = [];
  let kind = '';
  const parallel = await parseXesLog(file, {
    fileName: 'log.xes',
    xesSplitThresholdBytes: 0,
    xesSplitFrom: statSync(file).size >> 1,
    runXesPiece: async (input, signal) => {
      const result = await run(input, signal);
      kind = result.kind;
      return result;
    },
    onXesSplit: (_, merged) => outcomes.push(merged),
  });
  expect(kind).toBe('part');
  expect(outcomes).toEqual([true]);
  expect(parallel).toEqual(single);
}, 60_000);
