/**
 * apps/v1 strategies (pkg/registry/apps/statefulset, deployment, replicaset strategy.go): defaults on create
 * and update, status reset on create, validation; generation and the status subresource come from the store.
 */
import type { Deployment, ReplicaSet, StatefulSet } from '../../api/apps';
import type { Strategy } from '../store';
import {
  validateDeployment,
  validateDeploymentUpdate,
  validateReplicaSet,
  validateReplicaSetUpdate,
  validateStatefulSet,
  validateStatefulSetUpdate,
} from '../validation/apps';
import { setDefaultsDeployment, setDefaultsReplicaSet, setDefaultsStatefulSet } from './defaults';

export const statefulSetStrategy: Strategy = {
  hasGeneration: true,
  hasStatusSubresource: true,
  prepareForCreate(obj) {
    const sts = obj as StatefulSet;
    setDefaultsStatefulSet(sts);
    sts.status = { replicas: 0, availableReplicas: 0 };
  },
  validate: (obj) => validateStatefulSet(obj as StatefulSet),
  prepareForUpdate: (obj) => setDefaultsStatefulSet(obj as StatefulSet),
  validateUpdate: (obj, old) => validateStatefulSetUpdate(obj as StatefulSet, old as StatefulSet),
};

export const deploymentStrategy: Strategy = {
  hasGeneration: true,
  hasStatusSubresource: true,
  prepareForCreate(obj) {
    const d = obj as Deployment;
    setDefaultsDeployment(d);
    d.status = {};
  },
  validate: (obj) => validateDeployment(obj as Deployment),
  prepareForUpdate: (obj) => setDefaultsDeployment(obj as Deployment),
  validateUpdate: (obj, old) => validateDeploymentUpdate(obj as Deployment, old as Deployment),
};

export const replicaSetStrategy: Strategy = {
  hasGeneration: true,
  hasStatusSubresource: true,
  prepareForCreate(obj) {
    const rs = obj as ReplicaSet;
    setDefaultsReplicaSet(rs);
    rs.status = { replicas: 0 };
  },
  validate: (obj) => validateReplicaSet(obj as ReplicaSet),
  prepareForUpdate: (obj) => setDefaultsReplicaSet(obj as ReplicaSet),
  validateUpdate: (obj, old) => validateReplicaSetUpdate(obj as ReplicaSet, old as ReplicaSet),
};
