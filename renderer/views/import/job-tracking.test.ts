import { beforeEach, describe, expect, it } from 'vitest';
import type { JobEvent } from '../../../preload/api.ts';
import { forgetJob, jobOutcome, recallJob, rememberJob } from './job-tracking.ts';
import { MemoryStorage } from '../../test-support/memory-storage.fixture.ts';

const progress: JobEvent = {
  type: 'progress',
  kind: 'import',
  jobId: 'b',
  phase: 'reading',
  done: 10,
  total: 100,
  unit: 'bytes',
};
const failed: JobEvent = { type: 'failed', kind: 'import', jobId: 'a', error: { kind: 'input', message: 'bad' } };

describe('jobOutcome', () => {
  it('tells a running job from an ended one and from one the engine forgot', () => {
    const events = [progress, failed]; // newest first, as jobs() returns them
    expect(jobOutcome(events, 'b')).toEqual({ kind: 'running', event: progress });
    expect(jobOutcome(events, 'a')).toEqual({ kind: 'ended', event: failed });
    expect(jobOutcome(events, 'c')).toEqual({ kind: 'unknown' });
  });
});

describe('remembered job', () => {
  beforeEach(() => {
    (globalThis as { sessionStorage?: unknown }).sessionStorage = new MemoryStorage();
  });

  it('survives a reload and is forgotten only by its own id', () => {
    rememberJob({ jobId: 'j1', fileName: 'receipt.xes', workspace: '/ws' });
    expect(recallJob()).toEqual({ jobId: 'j1', fileName: 'receipt.xes', workspace: '/ws' });
    forgetJob('j0');
    expect(recallJob()?.jobId).toBe('j1');
    forgetJob('j1');
    expect(recallJob()).toBeNull();
  });
});
