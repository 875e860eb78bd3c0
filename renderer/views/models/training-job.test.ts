import { describe, expect, it } from 'vitest';
import type { JobEvent } from '../../../preload/api.ts';
import { latestTraining, trainingFraction, trainingPhase } from './training-job.ts';

describe('training job', () => {
  it('finds the newest training among the jobs, ignoring imports', () => {
    const events: JobEvent[] = [
      { type: 'progress', kind: 'import', jobId: 'i', phase: 'reading', done: 1, total: 2, unit: 'bytes' },
      { type: 'progress', kind: 'train', jobId: 't2', phase: 'anomaly: fitting', done: 0.5, total: 2, unit: 'models' },
      { type: 'cancelled', kind: 'train', jobId: 't1' },
    ];
    expect(latestTraining(events)?.jobId).toBe('t2');
    expect(latestTraining(events.slice(0, 1))).toBeNull();
  });

  it('counts models: one and a half of three done is half', () => {
    expect(trainingFraction({ phase: 'remaining-time: tree 40', done: 1.5, total: 3 })).toBe(0.5);
    expect(trainingFraction({ phase: 'queued', done: 0, total: 1 })).toBeNull();
  });

  it('splits the phase into the model and its step', () => {
    expect(trainingPhase('remaining-time: tree 40 of at most 300')).toEqual({
      model: 'remaining-time',
      step: 'tree 40 of at most 300',
    });
    expect(trainingPhase('queued')).toEqual({ model: null, step: 'queued' });
  });
});
