import { trainModels, type TrainingInput } from '../service/model-training.ts';
import { serveThreadJob } from './job-thread-port.ts';

/**
 * The thread a training job runs on (JOB_THREADS places 'train' on 'training'): it opens the
 * workspace itself, trains, stores the models and findings, and answers what it trained. The
 * engine thread never waits on it; cancel terminates the thread.
 */
serveThreadJob<TrainingInput, Awaited<ReturnType<typeof trainModels>>>((input, progress) =>
  trainModels(input, progress),
);
