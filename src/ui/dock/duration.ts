/**
 * kubectl's ages on the main thread: HumanDuration (k8s.io/apimachinery/pkg/util/duration) as the AGE and
 * LAST SEEN columns print it, from simulated milliseconds. A port, so the UI needs no sim module; a test
 * checks it against the simulator's own printer.
 */

/** `45s`, `2m30s`, `12m`, `3h5m`, `20h`, `3d4h`, `12d`, `2y10d`: whole seconds truncated toward zero. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return withRest(minutes, 'm', seconds % 60, 's');
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(seconds / 3600);
  if (hours < 8) return withRest(hours, 'h', minutes % 60, 'm');
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 8) return withRest(days, 'd', hours % 24, 'h');
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.floor(days / 365);
  if (hours < 24 * 365 * 8) return withRest(years, 'y', days % 365, 'd');
  return `${years}y`;
}

function withRest(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor === 0 ? `${major}${majorUnit}` : `${major}${majorUnit}${minor}${minorUnit}`;
}

/** The age of something that happened at simulated time `then`, seen at simulated time `now`. */
export function formatAge(now: number, then: number): string {
  return humanDuration(now - then);
}
