/**
 * Mirrors pkg/scheduler/framework/plugins/volumebinding (volume_binding.go, binder.go): PreFilter sorts a
 * pod's claims into bound, delayed (WaitForFirstConsumer) and immediate ones; Filter checks bound PVs'
 * node affinity and whether each delayed claim can get a volume on the node (a matching static PV or
 * dynamic provisioning the class allows there); PreBind writes the decisions (PV claimRef, or the PVC's
 * `volume.kubernetes.io/selected-node`) and the scheduler then waits until every claim is Bound.
 *
 * Simplified: no CSIStorageCapacity, no CSINode volume limits, no assume cache (decisions are written at
 * once and the API server is the source of truth).
 */
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod } from '../../api/core';
import type { StorageClass } from '../../api/other';
import type { ApiServer } from '../../apiserver/store';
import { classAllowsNode, volumeNodeAffinityMatches } from '../../controllers/persistentvolume/topology';
import {
  ANN_BOUND_BY_CONTROLLER,
  ANN_SELECTED_NODE,
  NOT_SUPPORTED_PROVISIONER,
  claimStorageClass,
  isDelayBindingMode,
  isVolumeBoundToClaim,
  parseQuantity,
  podClaimNames,
  setAnnotation,
  volumeMatchesClaim,
} from '../../controllers/persistentvolume/util';
import type { FilterPlugin, Status } from '../framework';
import { unschedulable } from '../framework';

const NAME = 'VolumeBinding';
export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
// 1.33 renamed this reason (pkg/scheduler/framework/plugins/volumebinding/binder.go); real 1.34-1.35 clusters print it so.
export const ERR_REASON_NODE_CONFLICT = "node(s) didn't match PersistentVolume's node affinity";
export const ERR_REASON_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
export const ERR_REASON_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';

/** The index of PVs by availability: `available`, or `claim:<ns>/<name>` for a PV whose claimRef names a claim. */
export const PV_AVAILABILITY_INDEX = 'scheduler.volumeBinding.availability';

interface DelayedClaim {
  pvc: PersistentVolumeClaim;
  storageClass: StorageClass | undefined;
  /** Static PVs that could satisfy the claim, smallest first (node affinity checked per node). */
  candidates: PersistentVolume[];
}

/** What PreFilter learned about a pod's claims. */
export interface VolumeBindingState {
  bound: { pvc: PersistentVolumeClaim; pv: PersistentVolume | undefined }[];
  delayed: DelayedClaim[];
}

/** Registers the PV index this plugin uses. */
export function addVolumeBindingIndexes(api: ApiServer): void {
  api.addIndex('PersistentVolume', PV_AVAILABILITY_INDEX, (o) => {
    const ref = (o as PersistentVolume).spec.claimRef;
    return [ref ? `claim:${ref.namespace}/${ref.name}` : 'available'];
  });
}

/** PreFilter: a state, or the status that rejects the pod on every node. */
export function preFilterVolumeBinding(api: ApiServer, pod: Pod): { state: VolumeBindingState } | { status: Status } {
  const state: VolumeBindingState = { bound: [], delayed: [] };
  const namespace = pod.metadata.namespace ?? 'default';
  let immediate = false;
  for (const name of podClaimNames(pod)) {
    const pvc = api.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name);
    if (!pvc) return { status: unschedulable(NAME, 'UnschedulableAndUnresolvable', `persistentvolumeclaim "${name}" not found`) };
    if (pvc.metadata.deletionTimestamp) {
      return { status: unschedulable(NAME, 'UnschedulableAndUnresolvable', `persistentvolumeclaim "${name}" is being deleted`) };
    }
    if (pvc.spec.volumeName) {
      state.bound.push({ pvc, pv: api.get<PersistentVolume>('PersistentVolume', undefined, pvc.spec.volumeName) });
    } else if (isDelayBindingMode(api, pvc)) {
      state.delayed.push({ pvc, storageClass: claimStorageClass(api, pvc), candidates: staticCandidates(api, pvc) });
    } else {
      immediate = true;
    }
  }
  if (immediate) return { status: unschedulable(NAME, 'UnschedulableAndUnresolvable', ERR_REASON_UNBOUND_IMMEDIATE) };
  return { state };
}

function staticCandidates(api: ApiServer, pvc: PersistentVolumeClaim): PersistentVolume[] {
  const key = `claim:${pvc.metadata.namespace ?? 'default'}/${pvc.metadata.name}`;
  const pvs = [...api.byIndex<PersistentVolume>('PersistentVolume', PV_AVAILABILITY_INDEX, key), ...api.byIndex<PersistentVolume>('PersistentVolume', PV_AVAILABILITY_INDEX, 'available')];
  return pvs
    .filter((pv) => volumeMatchesClaim(pv, pvc))
    .sort((a, b) => parseQuantity(a.spec.capacity.storage) - parseQuantity(b.spec.capacity.storage) || (a.metadata.name < b.metadata.name ? -1 : 1));
}

/** One delayed claim's fate on a node: a static PV to bind, dynamic provisioning, or nothing. */
type ClaimDecision = { pv: PersistentVolume } | { provision: true } | undefined;

/** FindPodVolumes for delayed claims on one node; undefined entries are claims that cannot be satisfied. */
function decideDelayedClaims(state: VolumeBindingState, node: Node): ClaimDecision[] {
  const taken = new Set<string>();
  return state.delayed.map((claim) => {
    const selected = claim.pvc.metadata.annotations?.[ANN_SELECTED_NODE];
    if (selected && selected !== node.metadata.name) return undefined;
    if (!selected) {
      const pv = claim.candidates.find((c) => !taken.has(c.metadata.name) && volumeNodeAffinityMatches(c, node));
      if (pv) {
        taken.add(pv.metadata.name);
        return { pv };
      }
    }
    const sc = claim.storageClass;
    if (!sc || !sc.provisioner || sc.provisioner === NOT_SUPPORTED_PROVISIONER || !classAllowsNode(sc, node)) return undefined;
    return { provision: true };
  });
}

export const volumeBinding: FilterPlugin = {
  name: NAME,
  filter(state, _info, node) {
    const vb = state.volumes;
    const reasons = new Set<string>();
    for (const { pv } of vb.bound) {
      if (!pv) reasons.add(ERR_REASON_PV_NOT_EXIST);
      else if (!volumeNodeAffinityMatches(pv, node)) reasons.add(ERR_REASON_NODE_CONFLICT);
    }
    if (vb.delayed.length && decideDelayedClaims(vb, node).some((d) => d === undefined)) reasons.add(ERR_REASON_BIND_CONFLICT);
    return reasons.size ? unschedulable(NAME, 'UnschedulableAndUnresolvable', ...reasons) : null;
  },
};

/**
 * PreBind (BindPodVolumes, first half): writes the binding decisions for the chosen node. Returns true
 * when the pod has claims that still have to become Bound before it can be bound itself.
 */
export function bindPodVolumes(api: ApiServer, state: VolumeBindingState, node: Node): boolean {
  const decisions = decideDelayedClaims(state, node);
  state.delayed.forEach((claim, i) => {
    const d = decisions[i];
    if (!d) return;
    const pvc = claim.pvc;
    if ('pv' in d) {
      api.mutate<PersistentVolume>('PersistentVolume', undefined, d.pv.metadata.name, (draft) => {
        if (draft.spec.claimRef && !isVolumeBoundToClaim(draft, pvc)) return false;
        draft.spec.claimRef = { kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace ?? 'default', name: pvc.metadata.name, uid: pvc.metadata.uid, apiVersion: 'v1', resourceVersion: pvc.metadata.resourceVersion };
        setAnnotation(draft.metadata, ANN_BOUND_BY_CONTROLLER, 'yes');
      });
    } else if (pvc.metadata.annotations?.[ANN_SELECTED_NODE] !== node.metadata.name) {
      api.mutate<PersistentVolumeClaim>('PersistentVolumeClaim', pvc.metadata.namespace, pvc.metadata.name, (draft) => {
        setAnnotation(draft.metadata, ANN_SELECTED_NODE, node.metadata.name);
      });
    }
  });
  return state.delayed.length > 0;
}

/** PreBind (BindPodVolumes, second half, checkBindings): true once every claim of the pod is Bound to its PV. */
export function podVolumesBound(api: ApiServer, pod: Pod): boolean {
  const namespace = pod.metadata.namespace ?? 'default';
  return podClaimNames(pod).every((name) => {
    const pvc = api.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name);
    if (!pvc?.spec.volumeName || pvc.status.phase !== 'Bound') return false;
    const pv = api.get<PersistentVolume>('PersistentVolume', undefined, pvc.spec.volumeName);
    return !!pv && isVolumeBoundToClaim(pv, pvc);
  });
}
