/**
 * Mirrors pkg/controller/controller_ref_manager.go (BaseControllerRefManager.ClaimObject, ClaimPods,
 * ClaimReplicaSets, RecheckDeletionTimestamp) and FilterPodsByOwner from controller_utils.go: a controller owns
 * the objects whose controller reference points at it and whose labels match its selector, adopts matching
 * orphans and releases owned objects that no longer match.
 *
 * Simplified: adoption and release are a read-modify-write of ownerReferences (upstream sends a patch); the
 * "can adopt" recheck reads the owner from the store instead of an uncached quorum read.
 */
import type { Pod } from '../../api/core';
import type { KubeObject, LabelSelector } from '../../api/meta';
import { matchesSelector } from '../../api/selectors';
import type { ApiServer } from '../../apiserver/store';
import { getControllerOf, newControllerRef } from './podUtils';

/** What a claim did, for the trace. */
export interface ClaimResult<T extends KubeObject> {
  claimed: T[];
  adopted: string[];
  released: string[];
}

/**
 * Claims `objects` for `owner`: keeps those it controls and that match `selector`, adopts matching orphans
 * (unless the owner or the orphan is being deleted), and releases controlled objects that no longer match.
 * Returns the claimed objects, as stored after adoption.
 */
export function claimObjects<T extends KubeObject>(api: ApiServer, owner: KubeObject, selector: LabelSelector, objects: readonly T[]): ClaimResult<T> {
  const result: ClaimResult<T> = { claimed: [], adopted: [], released: [] };
  const ownerDeleting = !!owner.metadata.deletionTimestamp;
  for (const obj of objects) {
    const ref = getControllerOf(obj);
    const matches = matchesSelector(selector, obj.metadata.labels);
    if (ref) {
      if (ref.uid !== owner.metadata.uid) continue;
      if (matches) {
        result.claimed.push(obj);
        continue;
      }
      if (ownerDeleting) continue;
      if (release(api, owner, obj)) result.released.push(obj.metadata.name);
      continue;
    }
    if (ownerDeleting || !matches || obj.metadata.deletionTimestamp) continue;
    if (owner.metadata.namespace && owner.metadata.namespace !== obj.metadata.namespace) continue;
    const adopted = adopt(api, owner, obj);
    if (adopted) {
      result.claimed.push(adopted);
      result.adopted.push(obj.metadata.name);
    }
  }
  return result;
}

/** RecheckDeletionTimestamp: only an owner that still exists (same uid) and is not being deleted adopts. */
function canAdopt(api: ApiServer, owner: KubeObject): boolean {
  const fresh = api.get(owner.kind, owner.metadata.namespace, owner.metadata.name);
  return !!fresh && fresh.metadata.uid === owner.metadata.uid && !fresh.metadata.deletionTimestamp;
}

function adopt<T extends KubeObject>(api: ApiServer, owner: KubeObject, obj: T): T | undefined {
  if (!canAdopt(api, owner)) return undefined;
  return api.mutate<T>(obj.kind, obj.metadata.namespace, obj.metadata.name, (draft) => {
    if (draft.metadata.uid !== obj.metadata.uid || getControllerOf(draft)) return false;
    const others = (draft.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
    draft.metadata.ownerReferences = [...others, newControllerRef(owner)];
  });
}

function release(api: ApiServer, owner: KubeObject, obj: KubeObject): boolean {
  const after = api.mutate(obj.kind, obj.metadata.namespace, obj.metadata.name, (draft) => {
    if (draft.metadata.uid !== obj.metadata.uid) return false;
    const kept = (draft.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
    if (kept.length) draft.metadata.ownerReferences = kept;
    else delete draft.metadata.ownerReferences;
  });
  return after !== undefined;
}

/**
 * The pods in the owner's namespace whose controller is the owner, plus (with `includeOrphans`) the pods that
 * have no controller at all (FilterPodsByOwner). Sorted by name.
 */
export function filterPodsByOwner(api: ApiServer, owner: KubeObject, includeOrphans: boolean): Pod[] {
  if (!indexed.has(api)) {
    // Pods by their controller's uid (or none): a sync of a large ReplicaSet then reads only its own pods.
    api.addIndex('Pod', CONTROLLER_INDEX, (o) => [getControllerOf(o)?.uid ?? NO_CONTROLLER]);
    indexed.add(api);
  }
  const namespace = owner.metadata.namespace;
  const owned = api.byIndex<Pod>('Pod', CONTROLLER_INDEX, owner.metadata.uid).filter((p) => p.metadata.namespace === namespace);
  if (!includeOrphans) return owned;
  const orphans = api.byIndex<Pod>('Pod', CONTROLLER_INDEX, NO_CONTROLLER).filter((p) => p.metadata.namespace === namespace);
  if (!orphans.length) return owned;
  return [...owned, ...orphans].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}

const CONTROLLER_INDEX = 'controllerUid';
const NO_CONTROLLER = '<none>';
const indexed = new WeakSet<ApiServer>();

/** Pods controlled by `owner` that match `selector` (FilterClaimedPods). */
export function filterClaimedPods(owner: KubeObject, selector: LabelSelector, pods: readonly Pod[]): Pod[] {
  return pods.filter((pod) => getControllerOf(pod)?.uid === owner.metadata.uid && matchesSelector(selector, pod.metadata.labels));
}
