// Mirrors staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go (StatusViewerFor,
// DeploymentStatusViewer, StatefulSetStatusViewer): the one-line status `kubectl rollout status` prints
// for each version of the object it watches, and whether the rollout is done.
// Simplified: no DaemonSet viewer (the simulator serves no DaemonSets).
import type { Deployment, StatefulSet } from '../../../api/apps';
import type { KubeObject } from '../../../api/meta';
import { groupKindString, RolloutError } from './rolloutUtil';
import { deploymentRevision } from './deploymentHistory';

/** What one status check reports: the text to print and whether the rollout is complete. */
export interface RolloutStatus {
  message: string;
  done: boolean;
}

/** A viewer for one kind. Throws RolloutError for a rollout that cannot be watched (or has failed). */
export type StatusViewer = (obj: KubeObject, revision: number) => RolloutStatus;

/** The `TimedOutReason` the Deployment controller writes on its Progressing condition. */
export const TIMED_OUT_REASON = 'ProgressDeadlineExceeded';

/** DeploymentStatusViewer.Status. */
export function deploymentStatus(d: Deployment, revision: number): RolloutStatus {
  const name = d.metadata.name;
  if (revision > 0) {
    const running = deploymentRevision(d);
    if (running === undefined) {
      const raw = d.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '';
      throw new RolloutError(`cannot get the revision of deployment "${name}": strconv.ParseInt: parsing "${raw}": invalid syntax`);
    }
    if (revision !== running) throw new RolloutError(`desired revision (${revision}) is different from the running revision (${running})`);
  }
  const status = d.status ?? {};
  if ((d.metadata.generation ?? 0) <= (status.observedGeneration ?? 0)) {
    const progressing = status.conditions?.find((c) => c.type === 'Progressing');
    if (progressing?.reason === TIMED_OUT_REASON) throw new RolloutError(`deployment "${name}" exceeded its progress deadline`);
    const replicas = d.spec.replicas;
    const updated = status.updatedReplicas ?? 0;
    if (replicas !== undefined && updated < replicas) {
      return waiting(`Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...`);
    }
    const total = status.replicas ?? 0;
    if (total > updated) {
      return waiting(`Waiting for deployment "${name}" rollout to finish: ${total - updated} old replicas are pending termination...`);
    }
    const available = status.availableReplicas ?? 0;
    if (available < updated) {
      return waiting(`Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...`);
    }
    return { message: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return waiting('Waiting for deployment spec update to be observed...');
}

/** StatefulSetStatusViewer.Status (the revision argument is ignored, as upstream ignores it). */
export function statefulSetStatus(sts: StatefulSet): RolloutStatus {
  const strategy = sts.spec.updateStrategy;
  if (strategy?.type !== 'RollingUpdate') throw new RolloutError('rollout status is only available for RollingUpdate strategy type');
  const status = sts.status;
  const observed = status?.observedGeneration ?? 0;
  if (observed === 0 || (sts.metadata.generation ?? 0) > observed) return waiting('Waiting for statefulset spec update to be observed...');
  const replicas = sts.spec.replicas;
  const ready = status?.readyReplicas ?? 0;
  if (replicas !== undefined && ready < replicas) return waiting(`Waiting for ${replicas - ready} pods to be ready...`);
  const updated = status?.updatedReplicas ?? 0;
  if (strategy.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (replicas !== undefined && partition !== undefined && updated < replicas - partition) {
      return waiting(`Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...`);
    }
    return { message: `partitioned roll out complete: ${updated} new pods have been updated...\n`, done: true };
  }
  if (status?.updateRevision !== status?.currentRevision) {
    return waiting(`waiting for statefulset rolling update to complete ${updated} pods at revision ${status?.updateRevision ?? ''}...`);
  }
  return { message: `statefulset rolling update complete ${status?.currentReplicas ?? 0} pods at revision ${status?.currentRevision ?? ''}...\n`, done: true };
}

function waiting(line: string): RolloutStatus {
  return { message: `${line}\n`, done: false };
}

/** StatusViewerFor: the viewer for a kind, or kubectl's error for kinds without one. */
export function statusViewerFor(kind: string): StatusViewer {
  switch (kind) {
    case 'Deployment':
      return (obj, revision) => deploymentStatus(obj as Deployment, revision);
    case 'StatefulSet':
      return (obj) => statefulSetStatus(obj as StatefulSet);
    default:
      throw new RolloutError(`no status viewer has been implemented for ${groupKindString(kind)}`);
  }
}
