/**
 * The playground's one deliberate limit: a ValidatingAdmissionPolicy-style check that refuses workloads
 * with more replicas than the simulator is built to animate. Real Kubernetes has no such limit; the refusal
 * says so in the words a ValidatingAdmissionPolicy denial uses, so it reads as cluster policy, not a crash.
 */
import { qualifiedResource, resourceForKind } from '../../api/kinds';
import type { KubeObject } from '../../api/meta';
import { ApiError } from '../errors';

/** Most replicas one StatefulSet, Deployment or ReplicaSet may ask for in the playground. */
export const MAX_REPLICAS = 1000;

export const REPLICA_LIMIT_POLICY = 'playground-replica-limit';

/** The refusal for a workload over the limit, or undefined. */
export function admitReplicaLimit(obj: KubeObject): ApiError | undefined {
  const replicas = (obj as KubeObject & { spec?: { replicas?: number } }).spec?.replicas;
  if (replicas === undefined || replicas <= MAX_REPLICAS) return undefined;
  const info = resourceForKind(obj.kind);
  const resource = info ? qualifiedResource(info).split('.')[0] : obj.kind.toLowerCase();
  const detail = `ValidatingAdmissionPolicy '${REPLICA_LIMIT_POLICY}' with binding '${REPLICA_LIMIT_POLICY}' denied request: the playground simulates at most ${MAX_REPLICAS} replicas per workload (asked for ${replicas})`;
  return new ApiError('Invalid', 422, `${resource} "${obj.metadata.name}" is invalid: : ${detail}`, {
    kind: resource,
    name: obj.metadata.name,
    causes: [`: ${detail}`],
  });
}
