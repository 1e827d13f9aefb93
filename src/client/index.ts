/** Clients for the simulation: in a Web Worker (the app) or in-process (tests). */
export { createInProcessClient } from './inProcessClient';
export type { InProcessClientOptions } from './inProcessClient';
export { createWorkerClient } from './workerClient';
export type { SimClient, SimEventListener } from './types';
