/**
 * kubectl's ages on the main thread: the simulator's own HumanDuration printer (a small pure module), so
 * the AGE and LAST SEEN columns of the dock read exactly as `kubectl get` prints them.
 */
import { humanDuration } from '../../sim/kubectl/printers/duration';

export { humanDuration };

/** The age of something that happened at simulated time `then`, seen at simulated time `now`. */
export function formatAge(now: number, then: number): string {
  return humanDuration(now - then);
}
