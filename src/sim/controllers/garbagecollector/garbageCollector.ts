/**
 * Mirrors pkg/controller/garbagecollector (garbagecollector.go): deletes dependents whose owners are all
 * gone (background propagation), strips owner references for `orphan`, and deletes dependents first for
 * `foregroundDeletion`.
 *
 * Simplified: the dependency graph is an index on ownerReferences uids instead of a separate graph
 * builder fed by informers; deletes run at the instant the owner disappears.
 */
import type { KubeObject, OwnerReference } from '../../api/meta';
import type { ApiServer, PropagationPolicy } from '../../apiserver/store';
import type { ClusterContext, Controller } from '../../runtime/controller';
import { WorkQueue } from '../../runtime/workqueue';

/** Kinds that can have owners in the simulated cluster. */
export const DEPENDENT_KINDS = ['Pod', 'ReplicaSet', 'PersistentVolumeClaim', 'ControllerRevision', 'EndpointSlice', 'VolumeSnapshot', 'Lease'] as const;

const OWNER_INDEX = 'ownerUid';
const NAME = 'garbage-collector-controller';

function refKey(obj: KubeObject): string {
  return `${obj.kind}|${obj.metadata.namespace ?? ''}|${obj.metadata.name}`;
}

function parseRefKey(key: string): { kind: string; namespace: string | undefined; name: string } {
  const [kind, namespace, name] = key.split('|') as [string, string, string];
  return { kind, namespace: namespace || undefined, name };
}

export function startGarbageCollector(ctx: ClusterContext): Controller {
  const { api } = ctx;
  const queue = new WorkQueue(ctx.clock, NAME);
  for (const kind of DEPENDENT_KINDS) {
    api.addIndex(kind, OWNER_INDEX, (o) => (o.metadata.ownerReferences ?? []).map((r) => r.uid));
  }
  const dependentKinds = new Set<string>(DEPENDENT_KINDS);

  api.watch('*', (event) => {
    const obj = event.object;
    if (event.type === 'DELETED') {
      for (const dependent of dependentsOf(api, obj.metadata.uid)) queue.add(`dependent:${refKey(dependent)}`);
      // An owner waiting in foreground deletion re-checks when one of its dependents is gone.
      for (const ref of obj.metadata.ownerReferences ?? []) {
        const owner = api.get(ref.kind, obj.metadata.namespace, ref.name);
        if (owner?.metadata.uid === ref.uid && owner.metadata.finalizers?.includes('foregroundDeletion')) {
          queue.add(`owner:${refKey(owner)}`);
        }
      }
      return;
    }
    const fins = obj.metadata.finalizers ?? [];
    if (obj.metadata.deletionTimestamp && (fins.includes('orphan') || fins.includes('foregroundDeletion'))) {
      queue.add(`owner:${refKey(obj)}`);
    }
    if (dependentKinds.has(obj.kind) && obj.metadata.ownerReferences?.length) {
      queue.add(`dependent:${refKey(obj)}`);
    }
  });

  return {
    name: NAME,
    queue,
    sync(key) {
      if (key.startsWith('owner:')) syncOwner(ctx, parseRefKey(key.slice(6)));
      else if (key.startsWith('dependent:')) syncDependent(ctx, parseRefKey(key.slice(10)));
    },
  };
}

function dependentsOf(api: ApiServer, uid: string): KubeObject[] {
  const out: KubeObject[] = [];
  for (const kind of DEPENDENT_KINDS) out.push(...api.byIndex(kind, OWNER_INDEX, uid));
  return out;
}

function ownerExists(api: ApiServer, dependent: KubeObject, ref: OwnerReference): KubeObject | undefined {
  const owner = api.get(ref.kind, dependent.metadata.namespace, ref.name);
  return owner && owner.metadata.uid === ref.uid ? owner : undefined;
}

/** An owner being deleted with `orphan` or `foregroundDeletion`: act on its dependents, then release it. */
function syncOwner(ctx: ClusterContext, ref: { kind: string; namespace: string | undefined; name: string }): void {
  const { api } = ctx;
  const owner = api.get(ref.kind, ref.namespace, ref.name);
  if (!owner?.metadata.deletionTimestamp) return;
  const fins = owner.metadata.finalizers ?? [];
  const dependents = dependentsOf(api, owner.metadata.uid);
  if (fins.includes('orphan')) {
    for (const d of dependents) {
      api.mutate(d.kind, d.metadata.namespace, d.metadata.name, (draft) => {
        draft.metadata.ownerReferences = (draft.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
        if (!draft.metadata.ownerReferences.length) delete draft.metadata.ownerReferences;
      });
    }
    ctx.trace.record(NAME, refKey(owner), 'orphan', `removed owner references from ${dependents.length} dependents`);
    removeFinalizer(api, owner, 'orphan');
    return;
  }
  if (fins.includes('foregroundDeletion')) {
    const blocking = dependents.filter((d) =>
      (d.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid && r.blockOwnerDeletion),
    );
    for (const d of dependents) {
      if (!d.metadata.deletionTimestamp) deleteQuietly(api, d, 'Foreground');
    }
    const remaining = blocking.filter((d) => api.get(d.kind, d.metadata.namespace, d.metadata.name));
    if (remaining.length === 0) removeFinalizer(api, owner, 'foregroundDeletion');
  }
}

/** A dependent whose owners may be gone: delete it when none is left (background propagation). */
function syncDependent(ctx: ClusterContext, ref: { kind: string; namespace: string | undefined; name: string }): void {
  const { api } = ctx;
  const obj = api.get(ref.kind, ref.namespace, ref.name);
  if (!obj) return;
  const refs = obj.metadata.ownerReferences ?? [];
  if (!refs.length) return;
  const live = refs.filter((r) => ownerExists(api, obj, r));
  if (live.length === refs.length) {
    // Every owner exists; a foreground-deleting owner waits for this one.
    for (const r of refs) {
      const owner = ownerExists(api, obj, r);
      if (owner?.metadata.finalizers?.includes('foregroundDeletion')) ctx.enqueue(NAME, `owner:${refKey(owner)}`);
    }
    return;
  }
  if (live.length > 0) {
    api.mutate(obj.kind, obj.metadata.namespace, obj.metadata.name, (draft) => {
      draft.metadata.ownerReferences = live;
    });
    return;
  }
  if (obj.metadata.deletionTimestamp) return;
  ctx.trace.record(NAME, refKey(obj), 'delete', 'all owners are gone');
  deleteQuietly(api, obj, 'Background');
}

function deleteQuietly(api: ApiServer, obj: KubeObject, propagationPolicy: PropagationPolicy): void {
  try {
    api.delete(obj.kind, obj.metadata.namespace, obj.metadata.name, { propagationPolicy, uid: obj.metadata.uid });
  } catch {
    // Already gone, or replaced by a new object of the same name: nothing to do.
  }
}

function removeFinalizer(api: ApiServer, obj: KubeObject, finalizer: string): void {
  api.mutate(obj.kind, obj.metadata.namespace, obj.metadata.name, (draft) => {
    draft.metadata.finalizers = (draft.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    if (!draft.metadata.finalizers.length) delete draft.metadata.finalizers;
  });
}
