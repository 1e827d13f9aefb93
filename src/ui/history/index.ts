/** The comparison history: a pure reducer over snapshots, and the types it builds. */
export { EPISODE_EVENT_LIMIT, initialHistory, observePod, reduceHistory } from './reducer';
export { compareNames, getOrdinal } from './observe';
export type * from './types';
