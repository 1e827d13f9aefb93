// Mirrors staging/src/k8s.io/kubectl/pkg/polymorphichelpers/objectrestarter.go, objectpauser.go and
// objectresumer.go: the edits `rollout restart|pause|resume` make to an object, with their errors.
// Simplified: the restartedAt timestamp is the simulated clock's, in UTC (kubectl writes local time).
import type { Deployment, StatefulSet } from '../../../api/apps';
import type { KubeObject } from '../../../api/meta';
import { RolloutError } from './rolloutUtil';

/** The pod-template annotation `rollout restart` sets. */
export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';

/** Edits a copy of an object in place; throws RolloutError with kubectl's wording when it cannot. */
export type ObjectPatcher = (draft: KubeObject) => void;

/** defaultObjectRestarter: stamps the pod template (a paused Deployment cannot be restarted). */
export function objectRestarter(timestamp: string): ObjectPatcher {
  return (draft) => {
    if (draft.kind === 'Deployment' && (draft as Deployment).spec.paused) {
      throw new RolloutError("can't restart paused deployment (run rollout resume first)");
    }
    if (draft.kind !== 'Deployment' && draft.kind !== 'StatefulSet') throw new RolloutError('restarting is not supported');
    const template = (draft as Deployment | StatefulSet).spec.template;
    template.metadata ??= {};
    template.metadata.annotations = { ...(template.metadata.annotations ?? {}), [RESTARTED_AT_ANNOTATION]: timestamp };
  };
}

/** defaultObjectPauser: Deployments only. */
export const objectPauser: ObjectPatcher = (draft) => {
  if (draft.kind !== 'Deployment') throw new RolloutError('pausing is not supported');
  const d = draft as Deployment;
  if (d.spec.paused) throw new RolloutError('is already paused');
  d.spec.paused = true;
};

/** defaultObjectResumer: Deployments only; `paused: false` is dropped, as omitempty drops it from the patch. */
export const objectResumer: ObjectPatcher = (draft) => {
  if (draft.kind !== 'Deployment') throw new RolloutError('resuming is not supported');
  const d = draft as Deployment;
  if (!d.spec.paused) throw new RolloutError('is not paused');
  delete d.spec.paused;
};
