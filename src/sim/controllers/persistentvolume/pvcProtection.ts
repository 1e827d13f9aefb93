/**
 * Mirrors pkg/controller/volume/pvcprotection (pvc_protection_controller.go) and pvprotection
 * (pv_protection_controller.go): the `kubernetes.io/pvc-protection` finalizer keeps a deleted claim
 * Terminating while a pod still uses it; `kubernetes.io/pv-protection` keeps a deleted volume while it is
 * Bound.
 *
 * Simplified: the StorageObjectInUseProtection admission plugin's job (adding the finalizers at
 * creation) is done here on first sight when the API strategy has not done it. "In use" means a
 * scheduled pod that has not Succeeded or Failed and still exists (terminating pods count).
 */
import type { PersistentVolume, PersistentVolumeClaim, Pod } from '../../api/core';
import type { ApiServer } from '../../apiserver/store';
import type { ClusterContext, Controller } from '../../runtime/controller';
import { WorkQueue, keyOf, splitKey } from '../../runtime/workqueue';
import { PVC_PROTECTION_FINALIZER, PV_PROTECTION_FINALIZER, podClaimNames } from './util';

const NAME = 'pvc-protection-controller';
const POD_CLAIM_INDEX = 'pvc-protection.podClaims';

/** True when the pod counts as using its claims (podUsesPVC). */
function podUsesClaims(pod: Pod): boolean {
  return !!pod.spec.nodeName && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed';
}

function setFinalizer(api: ApiServer, kind: string, namespace: string | undefined, name: string, finalizer: string, present: boolean): void {
  api.mutate(kind, namespace, name, (d) => {
    const fins = d.metadata.finalizers ?? [];
    if (fins.includes(finalizer) === present) return false;
    d.metadata.finalizers = present ? [...fins, finalizer] : fins.filter((f) => f !== finalizer);
    if (!d.metadata.finalizers.length) delete d.metadata.finalizers;
  });
}

export function startPvcProtectionController(ctx: ClusterContext): Controller {
  const { api } = ctx;
  const queue = new WorkQueue(ctx.clock, NAME);
  api.addIndex('Pod', POD_CLAIM_INDEX, (o) => podClaimNames(o as Pod).map((c) => `${o.metadata.namespace ?? 'default'}/${c}`));
  api.watch('PersistentVolumeClaim', ({ object }) => queue.add(`pvc:${keyOf(object.metadata)}`));
  api.watch('PersistentVolume', ({ object }) => queue.add(`pv:${object.metadata.name}`));
  api.watch('Pod', ({ type, object, old }) => {
    const stillUsing = type !== 'DELETED' && podUsesClaims(object as Pod);
    if (stillUsing && old && podUsesClaims(old as Pod)) return;
    for (const c of podClaimNames(object as Pod)) queue.add(`pvc:${object.metadata.namespace ?? 'default'}/${c}`);
  });

  function syncClaim(pvc: PersistentVolumeClaim): void {
    if (!pvc.metadata.deletionTimestamp) {
      setFinalizer(api, 'PersistentVolumeClaim', pvc.metadata.namespace, pvc.metadata.name, PVC_PROTECTION_FINALIZER, true);
      return;
    }
    if (!pvc.metadata.finalizers?.includes(PVC_PROTECTION_FINALIZER)) return;
    const users = api.byIndex<Pod>('Pod', POD_CLAIM_INDEX, keyOf({ namespace: pvc.metadata.namespace ?? 'default', name: pvc.metadata.name })).filter(podUsesClaims);
    if (users.length) {
      ctx.trace.record(NAME, keyOf(pvc.metadata), 'keep', `still used by ${users.map((p) => p.metadata.name).join(', ')}`);
      return;
    }
    ctx.trace.record(NAME, keyOf(pvc.metadata), 'release', 'no pod uses the claim; removing kubernetes.io/pvc-protection');
    setFinalizer(api, 'PersistentVolumeClaim', pvc.metadata.namespace, pvc.metadata.name, PVC_PROTECTION_FINALIZER, false);
  }

  function syncVolume(pv: PersistentVolume): void {
    if (!pv.metadata.deletionTimestamp) {
      setFinalizer(api, 'PersistentVolume', undefined, pv.metadata.name, PV_PROTECTION_FINALIZER, true);
      return;
    }
    if (pv.status.phase !== 'Bound') setFinalizer(api, 'PersistentVolume', undefined, pv.metadata.name, PV_PROTECTION_FINALIZER, false);
  }

  return {
    name: NAME,
    queue,
    sync(key) {
      if (key.startsWith('pvc:')) {
        const { namespace, name } = splitKey(key.slice(4));
        const pvc = api.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name);
        if (pvc) syncClaim(pvc);
      } else {
        const pv = api.get<PersistentVolume>('PersistentVolume', undefined, key.slice(3));
        if (pv) syncVolume(pv);
      }
    },
  };
}
