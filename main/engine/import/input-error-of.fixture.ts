import { InputError } from '../errors.ts';

/**
 * For tests: the InputError a promise rejects with. Any other outcome fails the test: a
 * resolution, or another error (re-thrown as it is, so the test shows what really happened).
 */
export async function inputErrorOf(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error;
  }
  throw new Error('expected an InputError');
}
