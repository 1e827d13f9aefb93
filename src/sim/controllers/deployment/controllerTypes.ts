/**
 * The state the Deployment controller's functions share (the `dc *DeploymentController` receiver of
 * pkg/controller/deployment), and its status write (UpdateStatus).
 *
 * Simplified: upstream's UpdateStatus also persists the Deployment's annotations (the status strategy keeps
 * metadata other than labels); here a changed annotation set is written to the object first, then the status.
 */
import type { Deployment } from '../../api/apps';
import { deepClone, deepEqual } from '../../apiserver/objects';
import type { ClusterContext } from '../../runtime/controller';
import type { WorkQueue } from '../../runtime/workqueue';
import type { ItemExponentialFailureRateLimiter } from '../replicaset/rateLimiter';

/** The controller's name in the run loop, and the source component of its Events. */
export const DEPLOYMENT_CONTROLLER = 'deployment-controller';

export interface DeploymentController {
  ctx: ClusterContext;
  queue: WorkQueue;
  limiter: ItemExponentialFailureRateLimiter;
}

/** Writes `d`'s annotations (when changed) and status to the stored Deployment with the same uid. */
export function updateDeploymentStatus(dc: DeploymentController, d: Deployment): void {
  const { api } = dc.ctx;
  const { namespace, name, uid } = d.metadata;
  const stored = api.get<Deployment>('Deployment', namespace, name);
  if (!stored || stored.metadata.uid !== uid) return;
  if (!deepEqual(stored.metadata.annotations ?? {}, d.metadata.annotations ?? {})) {
    api.mutate<Deployment>('Deployment', namespace, name, (draft) => {
      draft.metadata.annotations = deepClone(d.metadata.annotations);
    });
  }
  api.mutate<Deployment>('Deployment', namespace, name, (draft) => {
    draft.status = deepClone(d.status);
  }, { subresource: 'status' });
}
