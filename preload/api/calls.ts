/**
 * What every call of the contract shares, whatever its domain: how it answers (directly, or by
 * starting a job), how a failure looks to the user, and what crosses a wire for one call.
 */

/** An error a user can act on. `kind: 'input'` is bad input; 'internal' is our fault. */
export interface UserFacingError {
  kind: 'input' | 'internal' | 'cancelled';
  message: string;
  file?: string;
  line?: number;
  column?: number;
  hint?: string;
}

/** The answer of a call that starts a job: its id; progress and the result arrive as JobEvents. */
export interface JobStarted {
  jobId: string;
}

/**
 * How a call answers: 'call' with its result, 'job' with a JobStarted whose progress and end
 * arrive as JobEvents (a transport must be listening to job events before it sends one).
 */
export type CallKind = 'call' | 'job';

/**
 * The kind of every call of a group of calls, derived from its result type: a call that answers
 * JobStarted must be marked 'job', any other 'call'. A domain lists its calls as
 * `{ ... } as const satisfies CallKinds<ItsCalls>`, so a call missing from the list, a name that
 * is not a call, or a wrong kind is a compile error.
 */
export type CallKinds<T> = {
  [M in keyof T]-?: T[M] extends (...args: never[]) => Promise<JobStarted> ? 'job' : 'call';
};

/** What crosses IPC for one call: the preload turns `ok: false` into a rejected promise. */
export type CallOutcome = { ok: true; result: unknown } | { ok: false; error: UserFacingError };
