/** The Kubernetes object types the simulator models. */
export * from './apps';
export * from './core';
export * from './meta';
export * from './other';
export * from './kinds';
