/**
 * Registers every kind's strategy (defaulting, admission, validation, server-set fields, graceful deletion)
 * with the API server.
 */
import { admitReplicaLimit } from '../admission/replicaLimit';
import type { ApiServer } from '../store';
import { deploymentStrategy, replicaSetStrategy, statefulSetStrategy } from './apps';
import { configMapStrategy, namespaceStrategy, nodeStrategy, podDisruptionBudgetStrategy } from './other';
import { podStrategy } from './pod';
import { serviceStrategy } from './service';
import { persistentVolumeClaimStrategy, persistentVolumeStrategy, storageClassStrategy } from './storage';

export function registerStrategies(api: ApiServer): void {
  api.registerStrategy('Pod', podStrategy);
  api.registerStrategy('StatefulSet', { ...statefulSetStrategy, admit: admitReplicaLimit });
  api.registerStrategy('Deployment', { ...deploymentStrategy, admit: admitReplicaLimit });
  api.registerStrategy('ReplicaSet', { ...replicaSetStrategy, admit: admitReplicaLimit });
  api.registerStrategy('Service', serviceStrategy);
  api.registerStrategy('PersistentVolumeClaim', persistentVolumeClaimStrategy);
  api.registerStrategy('PersistentVolume', persistentVolumeStrategy);
  api.registerStrategy('StorageClass', storageClassStrategy);
  api.registerStrategy('Namespace', namespaceStrategy);
  api.registerStrategy('Node', nodeStrategy);
  api.registerStrategy('PodDisruptionBudget', podDisruptionBudgetStrategy);
  api.registerStrategy('ConfigMap', configMapStrategy);
}
