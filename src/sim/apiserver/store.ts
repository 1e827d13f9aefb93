/**
 * The simulated API server's object store: create, update, delete, get, list and watch, with the
 * bookkeeping the real API server does (uid, resourceVersion, generation, creationTimestamp,
 * deletionTimestamp, finalizers, generateName) and per-kind strategies for defaulting and validation.
 *
 * Objects handed out by get/list are the stored ones and must be treated as read-only; writers use
 * `mutate`, which clones, or pass a fresh object to `create`/`update`.
 */
import { apiVersionOf, resourceForKind } from '../api/kinds';
import type { KubeObject } from '../api/meta';
import type { VirtualClock } from '../runtime/clock';
import type { SeededRandom } from '../runtime/random';
import { ApiError, alreadyExists, badRequest, conflict, invalid, notFound } from './errors';
import type { FieldError } from './errors';
import { deepClone, deepEqual } from './objects';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
  /** The object before a MODIFIED change. */
  old?: KubeObject;
}

export type WatchHandler = (event: WatchEvent) => void;

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: PropagationPolicy;
  /** Only delete when the object still has this uid. */
  uid?: string;
}

export interface DeleteResult {
  /** The object as it is after the call: still present (terminating) or gone. */
  object: KubeObject;
  removed: boolean;
}

/** Per-kind behaviour, as the API server's registry strategies provide it. */
export interface Strategy {
  /** Fill in defaults and server-owned fields on create (status is usually reset). */
  prepareForCreate?(obj: KubeObject, api: ApiServer): void;
  validate?(obj: KubeObject, api: ApiServer): FieldError[];
  prepareForUpdate?(obj: KubeObject, old: KubeObject, api: ApiServer): void;
  validateUpdate?(obj: KubeObject, old: KubeObject, api: ApiServer): FieldError[];
  /** Grace period to apply on delete, or 0 to remove at once. Undefined means not graceful. */
  gracePeriod?(obj: KubeObject, requested: number | undefined): number;
  /** True when spec changes bump metadata.generation. */
  hasGeneration?: boolean;
  /** True when status is written only through the status subresource. */
  hasStatusSubresource?: boolean;
  /** Validating admission after validation: an ApiError refuses the write (e.g. the replica limit). */
  admit?(obj: KubeObject, old: KubeObject | undefined, api: ApiServer): ApiError | undefined;
}

export interface Index {
  (obj: KubeObject): string[];
}

const GENERATE_NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function storeKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export class ApiServer {
  private readonly objects = new Map<string, Map<string, KubeObject>>();
  private readonly sortedKeys = new Map<string, string[]>();
  private readonly watchers = new Map<string, WatchHandler[]>();
  private readonly strategies = new Map<string, Strategy>();
  private readonly indexers = new Map<string, Map<string, Index>>();
  private readonly indices = new Map<string, Map<string, Map<string, Set<string>>>>();
  /** Sorted keys per index value, dropped whenever that value's key set changes. */
  private readonly sortedIndexKeys = new Map<string, string[]>();
  private resourceVersion = 1000;
  private uidCounter = 0;

  constructor(
    readonly clock: VirtualClock,
    readonly random: SeededRandom,
    private readonly seed: number,
  ) {}

  registerStrategy(kind: string, strategy: Strategy): void {
    this.strategies.set(kind, strategy);
  }

  /** Adds a secondary index (like client-go's Indexers): `byIndex(kind, name, value)` lists matches. */
  addIndex(kind: string, name: string, index: Index): void {
    let forKind = this.indexers.get(kind);
    if (!forKind) this.indexers.set(kind, (forKind = new Map()));
    forKind.set(name, index);
    for (const obj of this.list(kind)) this.indexAdd(kind, obj);
  }

  /** Calls `handler` for every change to objects of `kind` (`*` for all kinds), synchronously. */
  watch(kind: string, handler: WatchHandler): () => void {
    const list = this.watchers.get(kind) ?? [];
    list.push(handler);
    this.watchers.set(kind, list);
    return () => {
      const current = this.watchers.get(kind) ?? [];
      this.watchers.set(
        kind,
        current.filter((h) => h !== handler),
      );
    };
  }

  get<T extends KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    return this.objects.get(kind)?.get(storeKey(this.scopeNamespace(kind, namespace), name)) as T | undefined;
  }

  /** Objects of `kind`, in one namespace or all, sorted by namespace then name. */
  list<T extends KubeObject>(kind: string, namespace?: string): T[] {
    const byKey = this.objects.get(kind);
    if (!byKey) return [];
    let keys = this.sortedKeys.get(kind);
    if (!keys) {
      keys = [...byKey.keys()].sort();
      this.sortedKeys.set(kind, keys);
    }
    const out: T[] = [];
    for (const key of keys) {
      const obj = byKey.get(key)!;
      if (namespace === undefined || obj.metadata.namespace === namespace) out.push(obj as T);
    }
    return out;
  }

  /** Objects of `kind` whose index `name` yields `value`, sorted by namespace then name. */
  byIndex<T extends KubeObject>(kind: string, name: string, value: string): T[] {
    const keys = this.indices.get(kind)?.get(name)?.get(value);
    if (!keys) return [];
    const byKey = this.objects.get(kind)!;
    const cacheKey = `${kind}\u0000${name}\u0000${value}`;
    let sorted = this.sortedIndexKeys.get(cacheKey);
    if (!sorted) {
      sorted = [...keys].sort();
      this.sortedIndexKeys.set(cacheKey, sorted);
    }
    const out: T[] = [];
    for (const k of sorted) {
      const obj = byKey.get(k);
      if (obj) out.push(obj as T);
    }
    return out;
  }

  count(kind: string): number {
    return this.objects.get(kind)?.size ?? 0;
  }

  kinds(): string[] {
    return [...this.objects.keys()].sort();
  }

  /**
   * Creates an object; throws ApiError (AlreadyExists, Invalid, NotFound for a missing namespace). With
   * `dryRun` (`?dryRun=All`), defaulting, validation and admission run and the would-be object is returned,
   * but nothing is stored, no watcher hears of it, and no counter or random draw is used up.
   */
  create<T extends KubeObject>(input: T, options: { handOver?: boolean; dryRun?: boolean } = {}): T {
    if (options.dryRun) return this.withoutSideEffects(() => this.createChecked(deepClone(input), true));
    // With handOver the caller gives up the object (a freshly built Event), which saves a deep copy.
    return this.createChecked(options.handOver ? input : deepClone(input), false);
  }

  private createChecked<T extends KubeObject>(obj: T, dryRun: boolean): T {
    const info = resourceForKind(obj.kind);
    if (!info) throw badRequest(`no kind "${obj.kind}" is registered`);
    obj.apiVersion = apiVersionOf(info);
    const meta = (obj.metadata ??= {} as T['metadata']);
    if (info.namespaced) {
      meta.namespace ??= 'default';
      if (obj.kind !== 'Namespace' && !this.get('Namespace', undefined, meta.namespace)) {
        throw new ApiError('NotFound', 404, `namespaces "${meta.namespace}" not found`);
      }
    } else {
      delete meta.namespace;
    }
    if (!meta.name && meta.generateName) {
      meta.name = this.generateName(obj.kind, meta.namespace, meta.generateName);
    }
    const strategy = this.strategies.get(obj.kind);
    strategy?.prepareForCreate?.(obj, this);
    const errors = strategy?.validate?.(obj, this) ?? [];
    if (!meta.name) errors.unshift({ field: 'metadata.name', type: 'Required value', detail: 'name or generateName is required' });
    if (errors.length) throw invalid(obj.kind, meta.name ?? '', errors);
    if (this.get(obj.kind, meta.namespace, meta.name)) throw alreadyExists(obj.kind, meta.name);
    const refusal = strategy?.admit?.(obj, undefined, this);
    if (refusal) throw refusal;

    meta.creationTimestamp = this.clock.timestamp();
    if (strategy?.hasGeneration) meta.generation = 1;
    if (dryRun) return obj;
    meta.uid = this.nextUid();
    meta.resourceVersion = this.nextResourceVersion();
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    this.put(obj);
    this.notify({ type: 'ADDED', object: obj });
    return obj;
  }

  /**
   * Replaces an object. With `status`, only the status changes (the status subresource); without it, a kind
   * with a status subresource keeps its old status.
   */
  update<T extends KubeObject>(input: T, options: { subresource?: 'status'; handOver?: boolean; dryRun?: boolean } = {}): T {
    if (options.dryRun) return this.withoutSideEffects(() => this.updateChecked(input, { ...options, handOver: false }, true));
    return this.updateChecked(input, options, false);
  }

  private updateChecked<T extends KubeObject>(input: T, options: { subresource?: 'status'; handOver?: boolean }, dryRun: boolean): T {
    const namespace = this.scopeNamespace(input.kind, input.metadata.namespace);
    const old = this.get<T>(input.kind, namespace, input.metadata.name);
    if (!old) throw notFound(input.kind, input.metadata.name);
    if (input.metadata.resourceVersion && input.metadata.resourceVersion !== old.metadata.resourceVersion) {
      throw conflict(input.kind, input.metadata.name, 'the object has been modified; please apply your changes to the latest version and try again');
    }
    const strategy = this.strategies.get(input.kind);
    let obj: T;
    if (options.subresource === 'status') {
      const status = (input as { status?: unknown }).status;
      obj = { ...old, metadata: { ...old.metadata }, status: options.handOver ? status : deepClone(status) } as T;
    } else {
      // With handOver the caller (mutate) passes a private copy, which saves a second deep copy.
      obj = options.handOver ? input : deepClone(input);
      if (strategy?.hasStatusSubresource) (obj as { status?: unknown }).status = (old as { status?: unknown }).status;
      obj.metadata = {
        ...obj.metadata,
        uid: old.metadata.uid,
        creationTimestamp: old.metadata.creationTimestamp,
        namespace: old.metadata.namespace,
        name: old.metadata.name,
      };
      if (old.metadata.deletionTimestamp) {
        obj.metadata.deletionTimestamp = old.metadata.deletionTimestamp;
        obj.metadata.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
      } else {
        delete obj.metadata.deletionTimestamp;
        delete obj.metadata.deletionGracePeriodSeconds;
      }
      if (!old.metadata.namespace) delete obj.metadata.namespace;
      strategy?.prepareForUpdate?.(obj, old, this);
      const errors = strategy?.validateUpdate?.(obj, old, this) ?? strategy?.validate?.(obj, this) ?? [];
      if (errors.length) throw invalid(obj.kind, obj.metadata.name, errors);
      const refusal = strategy?.admit?.(obj, old, this);
      if (refusal) throw refusal;
      if (strategy?.hasGeneration) {
        obj.metadata.generation = (old.metadata.generation ?? 1) + (specChanged(old, obj) ? 1 : 0);
      }
    }
    obj.apiVersion = old.apiVersion;
    if (deepEqual(obj, old)) return old;
    if (dryRun) return obj;
    obj.metadata.resourceVersion = this.nextResourceVersion();
    this.put(obj);
    this.notify({ type: 'MODIFIED', object: obj, old });
    this.removeIfFinalized(obj);
    return obj;
  }

  /**
   * Clones the stored object, lets `change` edit the clone, and writes it back. `change` returning false
   * skips the write. Returns the stored object afterwards, or undefined when the object does not exist.
   */
  mutate<T extends KubeObject>(
    kind: string,
    namespace: string | undefined,
    name: string,
    change: (draft: T) => void | boolean,
    options: { subresource?: 'status' } = {},
  ): T | undefined {
    const current = this.get<T>(kind, namespace, name);
    if (!current) return undefined;
    const draft = deepClone(current);
    if (change(draft) === false) return current;
    return this.update(draft, { ...options, handOver: true });
  }

  /**
   * The pods/binding subresource (pkg/registry/core/pod/storage/storage.go assignPod): sets spec.nodeName
   * and the PodScheduled=True condition in one write. Fails with Conflict when the pod is already bound or
   * its uid changed, as the real binding does.
   */
  bindPod(namespace: string, name: string, uid: string, nodeName: string): KubeObject {
    const pod = this.get('Pod', namespace, name) as (KubeObject & { spec: { nodeName?: string }; status: { conditions?: { type: string; status: string; lastTransitionTime?: string; lastProbeTime?: string | null }[] } }) | undefined;
    if (!pod) throw notFound('Pod', name);
    if (pod.metadata.uid !== uid) throw conflict('Pod', name, `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${pod.metadata.uid}`);
    if (pod.spec.nodeName) throw conflict('Pod', name, `pod ${name} is already assigned to node "${pod.spec.nodeName}"`);
    if (pod.metadata.deletionTimestamp) throw conflict('Pod', name, `pod ${name} is being deleted, cannot be assigned to a host`);
    const bound = deepClone(pod);
    bound.spec.nodeName = nodeName;
    const conditions = (bound.status.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: this.clock.timestamp() });
    bound.status.conditions = conditions;
    bound.metadata.resourceVersion = this.nextResourceVersion();
    this.put(bound);
    this.notify({ type: 'MODIFIED', object: bound, old: pod });
    return bound;
  }

  /** Deletes an object, gracefully where its strategy says so, honouring finalizers and propagation. */
  delete(kind: string, namespace: string | undefined, name: string, options: DeleteOptions = {}): DeleteResult {
    const current = this.get(kind, namespace, name);
    if (!current) throw notFound(kind, name);
    if (options.uid && current.metadata.uid !== options.uid) {
      throw conflict(kind, name, `Precondition failed: UID in precondition: ${options.uid}, UID in object meta: ${current.metadata.uid}`);
    }
    const strategy = this.strategies.get(kind);
    const grace = strategy?.gracePeriod ? strategy.gracePeriod(current, options.gracePeriodSeconds) : 0;
    const meta = current.metadata;

    if (meta.deletionTimestamp) {
      // Already terminating: a shorter grace period may bring the deadline forward.
      const remaining = meta.deletionGracePeriodSeconds ?? 0;
      if (grace >= remaining) return { object: current, removed: false };
    }

    const finalizers = [...(meta.finalizers ?? [])];
    const policy = options.propagationPolicy;
    if (!meta.deletionTimestamp) {
      if (policy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
      if (policy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
    }

    if (grace === 0 && finalizers.length === 0) {
      this.remove(current);
      return { object: current, removed: true };
    }

    const updated: KubeObject = deepClone(current);
    updated.metadata.finalizers = finalizers.length ? finalizers : undefined;
    if (!updated.metadata.finalizers) delete updated.metadata.finalizers;
    updated.metadata.deletionTimestamp = this.clock.timestamp(grace * 1000);
    updated.metadata.deletionGracePeriodSeconds = grace;
    if (strategy?.hasGeneration) updated.metadata.generation = (current.metadata.generation ?? 1) + 1;
    updated.metadata.resourceVersion = this.nextResourceVersion();
    this.put(updated);
    this.notify({ type: 'MODIFIED', object: updated, old: current });
    this.removeIfFinalized(updated);
    return { object: this.get(kind, namespace, name) ?? updated, removed: !this.get(kind, namespace, name) };
  }

  /** Runs a dry-run write: whatever the strategies draw from the seeded source is put back afterwards. */
  private withoutSideEffects<T>(write: () => T): T {
    const state = this.random.state();
    try {
      return write();
    } finally {
      this.random.restore(state);
    }
  }

  /** Current resourceVersion counter (for snapshots and tests). */
  currentResourceVersion(): number {
    return this.resourceVersion;
  }

  /** Everything needed to rebuild the store exactly (for checkpoints and determinism checks). */
  dump(): { resourceVersion: number; uidCounter: number; objects: KubeObject[] } {
    const objects: KubeObject[] = [];
    for (const kind of [...this.objects.keys()].sort()) objects.push(...this.list(kind));
    return { resourceVersion: this.resourceVersion, uidCounter: this.uidCounter, objects };
  }

  private removeIfFinalized(obj: KubeObject): void {
    const meta = obj.metadata;
    if (meta.deletionTimestamp && !(meta.finalizers?.length) && (meta.deletionGracePeriodSeconds ?? 0) === 0) {
      this.remove(obj);
    }
  }

  private remove(obj: KubeObject): void {
    const byKey = this.objects.get(obj.kind);
    const key = storeKey(obj.metadata.namespace, obj.metadata.name);
    if (!byKey?.has(key)) return;
    this.indexRemove(obj.kind, byKey.get(key)!);
    byKey.delete(key);
    this.sortedKeys.delete(obj.kind);
    this.resourceVersion++;
    this.notify({ type: 'DELETED', object: obj });
  }

  private put(obj: KubeObject): void {
    let byKey = this.objects.get(obj.kind);
    if (!byKey) this.objects.set(obj.kind, (byKey = new Map()));
    const key = storeKey(obj.metadata.namespace, obj.metadata.name);
    const previous = byKey.get(key);
    if (previous) this.indexRemove(obj.kind, previous);
    else this.sortedKeys.delete(obj.kind);
    byKey.set(key, obj);
    this.indexAdd(obj.kind, obj);
  }

  private indexAdd(kind: string, obj: KubeObject): void {
    const forKind = this.indexers.get(kind);
    if (!forKind) return;
    let kindIndices = this.indices.get(kind);
    if (!kindIndices) this.indices.set(kind, (kindIndices = new Map()));
    const key = storeKey(obj.metadata.namespace, obj.metadata.name);
    for (const [name, index] of forKind) {
      let values = kindIndices.get(name);
      if (!values) kindIndices.set(name, (values = new Map()));
      for (const value of index(obj)) {
        let keys = values.get(value);
        if (!keys) values.set(value, (keys = new Set()));
        if (!keys.has(key)) {
          keys.add(key);
          this.sortedIndexKeys.delete(`${kind}\u0000${name}\u0000${value}`);
        }
      }
    }
  }

  private indexRemove(kind: string, obj: KubeObject): void {
    const forKind = this.indexers.get(kind);
    const kindIndices = this.indices.get(kind);
    if (!forKind || !kindIndices) return;
    const key = storeKey(obj.metadata.namespace, obj.metadata.name);
    for (const [name, index] of forKind) {
      const values = kindIndices.get(name);
      if (!values) continue;
      for (const value of index(obj)) {
        const keys = values.get(value);
        if (keys?.delete(key)) this.sortedIndexKeys.delete(`${kind}\u0000${name}\u0000${value}`);
        if (keys && keys.size === 0) values.delete(value);
      }
    }
  }

  private notify(event: WatchEvent): void {
    for (const handler of this.watchers.get(event.object.kind) ?? []) handler(event);
    for (const handler of this.watchers.get('*') ?? []) handler(event);
  }

  private scopeNamespace(kind: string, namespace: string | undefined): string | undefined {
    const info = resourceForKind(kind);
    return info?.namespaced ? (namespace ?? 'default') : undefined;
  }

  private nextResourceVersion(): string {
    return String(++this.resourceVersion);
  }

  /** uids come from a counter mixed with the seed (splitmix32), shaped as a version 4 UUID. */
  private nextUid(): string {
    const n = ++this.uidCounter;
    const words = [0, 1, 2, 3].map((i) => splitmix32((this.seed * 0x9e3779b1) ^ (n * 4 + i)));
    const hex = words.map((w) => (w >>> 0).toString(16).padStart(8, '0')).join('');
    const variant = '89ab'[parseInt(hex[16]!, 16) & 3];
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  private generateName(kind: string, namespace: string | undefined, prefix: string): string {
    for (let attempt = 0; attempt < 100; attempt++) {
      const name = prefix + this.random.string(GENERATE_NAME_ALPHABET, 5);
      if (!this.get(kind, namespace, name)) return name;
    }
    throw new ApiError('AlreadyExists', 409, `could not generate a unique name for ${prefix}`);
  }
}

function splitmix32(a: number): number {
  a |= 0;
  a = (a + 0x9e3779b9) | 0;
  let t = a ^ (a >>> 16);
  t = Math.imul(t, 0x21f0aaad);
  t ^= t >>> 15;
  t = Math.imul(t, 0x735a2d97);
  return (t ^ (t >>> 15)) >>> 0;
}

function specChanged(old: KubeObject, obj: KubeObject): boolean {
  const strip = (o: KubeObject) => {
    const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = o as KubeObject & { status?: unknown };
    return rest;
  };
  return !deepEqual(strip(old), strip(obj));
}
