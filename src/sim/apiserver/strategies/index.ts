/**
 * Registers every kind's strategy (defaulting, validation, graceful deletion) with the API server.
 */
import type { ApiServer } from '../store';
import { podStrategy } from './pod';

export function registerStrategies(api: ApiServer): void {
  api.registerStrategy('Pod', podStrategy);
  for (const kind of ['StatefulSet', 'Deployment', 'ReplicaSet', 'PodDisruptionBudget']) {
    api.registerStrategy(kind, { hasGeneration: true, hasStatusSubresource: true });
  }
  for (const kind of ['Service', 'PersistentVolumeClaim', 'PersistentVolume', 'Node', 'Namespace']) {
    api.registerStrategy(kind, { hasStatusSubresource: true });
  }
}
