/**
 * Starts every controller of the simulated control plane and node agents, in a fixed order (the order
 * the run loop visits their queues, which keeps runs deterministic).
 */
import type { ClusterContext, Controller } from '../runtime/controller';
import { startGarbageCollector } from './garbagecollector/garbageCollector';
import { startReplicaSetController } from './replicaset/replicaSet';
import { startDeploymentController } from './deployment/deploymentController';
import { startStatefulSetController } from './statefulset/statefulSet';
import { startEndpointSliceController } from './endpointslice/endpointSliceController';
import { startScheduler } from '../scheduler';
import { startPersistentVolumeController } from './persistentvolume/pvController';
import { startProvisioner } from './persistentvolume/provisioner';
import { startPvcProtectionController } from './persistentvolume/pvcProtection';
import { startAttachDetachController } from './attachdetach/attachDetachController';
import { startKubelet } from '../kubelet/kubelet';
import { startNodeLifecycleController } from './nodelifecycle/nodeLifecycleController';
import { startTaintEvictionController } from './tainteviction/taintEvictionController';
import { startPodGCController } from './podgc/gcController';
import { startDisruptionController } from './disruption/disruptionController';
import { startReplicationController } from './replication/replicationController';
import { startSnapshotController } from './snapshot/snapshotController';

export function startControllers(ctx: ClusterContext): Controller[] {
  return [
    startGarbageCollector(ctx),
    startReplicaSetController(ctx),
    startDeploymentController(ctx),
    startStatefulSetController(ctx),
    startEndpointSliceController(ctx),
    // The PV controller runs before the scheduler so a WaitForFirstConsumer claim records its event first.
    startPersistentVolumeController(ctx),
    startPvcProtectionController(ctx),
    startScheduler(ctx),
    startProvisioner(ctx),
    startAttachDetachController(ctx),
    startKubelet(ctx),
    startNodeLifecycleController(ctx),
    startTaintEvictionController(ctx),
    startPodGCController(ctx),
    startDisruptionController(ctx),
    startReplicationController(ctx),
    startSnapshotController(ctx),
  ];
}
