/**
 * The typed, versioned worker protocol: SimCommand in, SimEvent out, plain JSON both ways, and the
 * runtime guards that check every message that crosses the thread boundary.
 */
export * from './commands';
export * from './events';
export * from './guards';
export * from './snapshotPatch';
