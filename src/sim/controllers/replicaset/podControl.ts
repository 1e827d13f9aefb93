/**
 * Mirrors RealPodControl and GetPodFromTemplate in pkg/controller/controller_utils.go: every pod a ReplicaSet
 * creates or deletes goes through here, with the Events the real controller records (SuccessfulCreate
 * `Created pod: web-7d9c8b7f5-x4k2p`, SuccessfulDelete `Deleted pod: ...`, FailedCreate `Error creating: ...`,
 * FailedDelete `Error deleting: ...`).
 *
 * Simplified: no finalizers on the template (the API types do not carry them).
 */
import type { Pod, PodTemplateSpec } from '../../api/core';
import type { KubeObject, OwnerReference } from '../../api/meta';
import { ApiError } from '../../apiserver/errors';
import { deepClone } from '../../apiserver/objects';
import type { ClusterContext } from '../../runtime/controller';

export const SUCCESSFUL_CREATE_POD_REASON = 'SuccessfulCreate';
export const FAILED_CREATE_POD_REASON = 'FailedCreate';
export const SUCCESSFUL_DELETE_POD_REASON = 'SuccessfulDelete';
export const FAILED_DELETE_POD_REASON = 'FailedDelete';

/** A pod built from a template for a controller (GetPodFromTemplate): labels, annotations, generateName `<owner>-`. */
export function getPodFromTemplate(template: PodTemplateSpec, owner: KubeObject, controllerRef: OwnerReference | undefined): Pod {
  const labels = { ...(template.metadata?.labels ?? {}) };
  const annotations = { ...(template.metadata?.annotations ?? {}) };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: '',
      generateName: `${owner.metadata.name}-`,
      namespace: owner.metadata.namespace,
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      ...(Object.keys(labels).length ? { labels } : {}),
      ...(Object.keys(annotations).length ? { annotations } : {}),
      ...(controllerRef ? { ownerReferences: [{ ...controllerRef }] } : {}),
    },
    spec: deepClone(template.spec),
    status: { phase: 'Pending' },
  };
}

/** The events' source, as the controller's event broadcaster stamps it. */
export interface PodControl {
  ctx: ClusterContext;
  component: string;
}

/**
 * Creates one pod from `template` owned by `owner` and records SuccessfulCreate or FailedCreate on the owner.
 * Throws the API error on failure.
 */
export function createPods(pc: PodControl, template: PodTemplateSpec, owner: KubeObject, controllerRef: OwnerReference): Pod {
  const pod = getPodFromTemplate(template, owner, controllerRef);
  if (!pod.metadata.labels) throw new Error('unable to create pods, no labels');
  try {
    const created = pc.ctx.api.create(pod);
    pc.ctx.recorder.record(owner, 'Normal', SUCCESSFUL_CREATE_POD_REASON, `Created pod: ${created.metadata.name}`, { component: pc.component });
    return created;
  } catch (err) {
    pc.ctx.recorder.record(owner, 'Warning', FAILED_CREATE_POD_REASON, `Error creating: ${errorText(err)}`, { component: pc.component });
    throw err;
  }
}

/** Deletes pod `name` (gracefully) and records SuccessfulDelete, or FailedDelete unless it was already gone. */
export function deletePod(pc: PodControl, namespace: string | undefined, name: string, owner: KubeObject): void {
  try {
    pc.ctx.api.delete('Pod', namespace, name);
  } catch (err) {
    if (err instanceof ApiError && err.reason === 'NotFound') throw err;
    pc.ctx.recorder.record(owner, 'Warning', FAILED_DELETE_POD_REASON, `Error deleting: ${errorText(err)}`, { component: pc.component });
    throw new Error(`unable to delete pods: ${errorText(err)}`, { cause: err });
  }
  pc.ctx.recorder.record(owner, 'Normal', SUCCESSFUL_DELETE_POD_REASON, `Deleted pod: ${name}`, { component: pc.component });
}

/** The message of an error, as Go's %v prints it. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
