/** Text formats the page shows. */

/** Simulated milliseconds as `HH:MM:SS` (hours keep counting past 24). */
export function formatSimTime(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

/** The tone a pod's STATUS word is drawn in; the word itself is always shown beside it. */
export type StatusTone = 'pending' | 'creating' | 'ready' | 'running' | 'terminating' | 'failed';

export function podStatusTone(status: string, isReady: boolean): StatusTone {
  if (status === 'Terminating' || status === 'Unknown') return 'terminating';
  if (status === 'Running') return isReady ? 'ready' : 'running';
  if (status === 'Pending' || status === 'SchedulingGated') return 'pending';
  if (status === 'ContainerCreating' || status === 'PodInitializing' || status.startsWith('Init:'))
    return 'creating';
  if (status === 'Completed') return 'pending';
  return 'failed';
}
