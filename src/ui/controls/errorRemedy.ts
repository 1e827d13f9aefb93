/** What the error banner offers for each kind of worker error. */
import { ErrorCode } from '../../protocol';

/**
 * `restart` when the simulation threw (the worker is alive and can rebuild the run from its command
 * log), `reload` when the worker itself is gone (only a new page brings a new one), else nothing: the
 * message alone says what to fix (an unknown scenario, a bad message).
 */
export function errorRemedy(code: ErrorCode): 'restart' | 'reload' | null {
  if (code === ErrorCode.simFailure) return 'restart';
  if (code === ErrorCode.workerFailure) return 'reload';
  return null;
}
