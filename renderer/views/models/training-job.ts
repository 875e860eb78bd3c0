import { useCallback, useEffect, useRef, useState } from 'react';
import type { GembaBridge, JobEvent, JobEventOf, TrainingResult, UserFacingError } from '../../../preload/api.ts';

type TrainEvent = JobEventOf<'train'>;
export type TrainingProgress = Extract<TrainEvent, { type: 'progress' }>;

/** The newest training job among jobs() answers (newest first), or null. */
export function latestTraining(events: readonly JobEvent[]): TrainEvent | null {
  return (events.find((e) => e.kind === 'train') as TrainEvent | undefined) ?? null;
}

/** Share of the whole training done (models finished plus the share of the one in hand). */
export function trainingFraction(progress: Pick<TrainingProgress, 'done' | 'total' | 'phase'>): number | null {
  if (progress.phase === 'queued' || progress.total <= 0) return null;
  return Math.max(0, Math.min(1, progress.done / progress.total));
}

/** "remaining-time: tree 40 of at most 300" → { model: 'remaining-time', step: 'tree 40 of at most 300' }. */
export function trainingPhase(phase: string): { model: string | null; step: string } {
  const at = phase.indexOf(': ');
  return at < 0 ? { model: null, step: phase } : { model: phase.slice(0, at), step: phase.slice(at + 2) };
}

export interface TrainingJob {
  running: TrainingProgress | null;
  result: TrainingResult | null;
  error: UserFacingError | null;
  cancelled: boolean;
  start(jobId: string): void;
  cancel(): void;
}

const POLL_MS = 3000;

/**
 * Follows the workspace's training job: its progress events, its end, and on mount the latest
 * job (a reload or a return to the view re-attaches through jobs(), or shows how it ended); polls jobs()
 * while running in case the event stream missed the end. `onEnded` runs once per ended job.
 */
export function useTrainingJob(api: GembaBridge, onEnded: () => void): TrainingJob {
  const [jobId, setJobId] = useState<string | null>(null);
  const [running, setRunning] = useState<TrainingProgress | null>(null);
  const [result, setResult] = useState<TrainingResult | null>(null);
  const [error, setError] = useState<UserFacingError | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const ended = useRef(onEnded);
  ended.current = onEnded;

  const handle = useCallback((event: TrainEvent) => {
    if (event.type === 'progress') {
      setRunning(event);
      return;
    }
    setRunning(null);
    setJobId(null);
    if (event.type === 'done') setResult(event.result);
    else if (event.type === 'failed') setError(event.error);
    else setCancelled(true);
    ended.current();
  }, []);

  // Re-attach to a training already running when the view opens.
  useEffect(() => {
    let live = true;
    void api.jobs().then((events) => {
      const latest = latestTraining(events);
      if (!live || !latest) return;
      // Running: follow it. Ended within the hour while the view was closed: show how it ended.
      if (latest.type === 'progress') {
        setJobId(latest.jobId);
        setRunning(latest);
      } else if (latest.type === 'done') setResult(latest.result);
      else if (latest.type === 'failed') setError(latest.error);
      else setCancelled(true);
    });
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(() => {
    if (!jobId) return;
    const off = api.onJobEvent((event) => {
      if (event.jobId === jobId && event.kind === 'train') handle(event);
    });
    const poll = setInterval(() => {
      void api.jobs().then((events) => {
        const mine = events.find((e) => e.jobId === jobId);
        if (mine && mine.kind === 'train' && mine.type !== 'progress') handle(mine);
      });
    }, POLL_MS);
    return () => {
      off();
      clearInterval(poll);
    };
  }, [api, jobId, handle]);

  return {
    running,
    result,
    error,
    cancelled,
    start: (id) => {
      setResult(null);
      setError(null);
      setCancelled(false);
      setRunning({ type: 'progress', kind: 'train', jobId: id, phase: 'queued', done: 0, total: 1, unit: 'models' });
      setJobId(id);
    },
    cancel: () => {
      if (jobId) void api.cancelJob(jobId);
    },
  };
}
