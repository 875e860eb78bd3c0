// A job thread for job-thread.test.ts: keeps its CPU busy for `ms` milliseconds (as training does),
// reporting progress every 10 ms of work, and answers how many loop turns it made.
import { InputError } from '../engine/errors.ts';
import { serveThreadJob } from './job-thread-port.ts';

serveThreadJob<{ ms: number; fail?: boolean }, { turns: number; ms: number }>((input, progress) => {
  if (input.fail) throw new InputError('The training data has no cases.', { hint: 'Import a log first.' });
  const start = Date.now();
  let turns = 0;
  let reported = 0;
  while (Date.now() - start < input.ms) {
    turns++;
    const elapsed = Date.now() - start;
    if (elapsed - reported >= 10) {
      reported = elapsed;
      progress('fitting', Math.min(elapsed, input.ms), input.ms);
    }
  }
  return { turns, ms: input.ms };
});
