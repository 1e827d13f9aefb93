/** The simulated kube-scheduler. */
export { startScheduler, needsScheduling, DEFAULT_SCHEDULER, BIND_TIMEOUT_MS } from './scheduler';
export { fitErrorMessage, sortedReasonsHistogram } from './framework';
export type { Status, CycleState, FilterPlugin } from './framework';
