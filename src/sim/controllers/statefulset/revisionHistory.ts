/**
 * Mirrors pkg/controller/history/controller_history.go and the revision helpers of
 * pkg/controller/statefulset/stateful_set_utils.go (getPatch, newRevision, ApplyRevision, nextRevision):
 * ControllerRevisions named `<set>-<hash>`, where the hash is the 32-bit FNV-1 of the revision's JSON patch
 * (followed by the decimal collision count), printed in decimal and mapped through SafeEncodeString.
 *
 * The patch is `{"spec":{"template":{...,"$patch":"replace"}}}` serialised as Go's encoding/json does for a
 * map: keys sorted, no spaces, `<`, `>` and `&` escaped. Fed the same stored template, the names equal the
 * real ones (checked against upstream test data).
 *
 * Simplified: the template is serialised as stored; the only Go struct encodings reproduced are the
 * always-present `metadata: {}` of the template and `resources: {}` of each container.
 */
import type { ControllerRevision, StatefulSet } from '../../api/apps';
import type { PodTemplateSpec } from '../../api/core';
import type { LabelSelector } from '../../api/meta';
import { matchesSelector } from '../../api/selectors';
import { deepClone } from '../../apiserver/objects';
import type { ApiServer } from '../../apiserver/store';
import { ApiError } from '../../apiserver/errors';
import { newControllerRef } from './statefulSetUtils';

/** Label holding a ControllerRevision's hash. */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';

const SAFE_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** JSON as Go's json.Marshal writes a map[string]interface{}: sorted keys, HTML-safe escaping. */
export function goJsonMarshal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => goJsonMarshal(v)).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${goString(k)}:${goJsonMarshal(record[k])}`).join(',')}}`;
  }
  if (typeof value === 'string') return goString(value);
  return JSON.stringify(value);
}

function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** 32-bit FNV-1 (Go's hash/fnv New32) of the UTF-8 bytes of `text`. */
export function fnv32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of utf8(text)) {
    hash = Math.imul(hash, 0x01000193) >>> 0;
    hash = (hash ^ byte) >>> 0;
  }
  return hash >>> 0;
}

function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return bytes;
}

/** apimachinery's rand.SafeEncodeString: each character mapped into an alphabet without vowels. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const ch of s) out += SAFE_ALPHANUMS[(ch.codePointAt(0) ?? 0) % SAFE_ALPHANUMS.length];
  return out;
}

/** The hash of a revision's data, with the collision count appended as a probe when given. */
export function hashControllerRevision(data: unknown, probe: number | undefined): string {
  const raw = goJsonMarshal(data) + (probe === undefined ? '' : String(probe));
  return safeEncodeString(String(fnv32(raw)));
}

/** `<prefix>-<hash>`, the prefix cut to 223 characters. */
export function controllerRevisionName(prefix: string, hash: string): string {
  return `${prefix.slice(0, 223)}-${hash}`;
}

/** The strategic merge patch that restores the set's pod template. */
export function getPatch(set: StatefulSet): { spec: { template: Record<string, unknown> } } {
  const template = deepClone(set.spec.template) as PodTemplateSpec & Record<string, unknown>;
  template.metadata ??= {};
  for (const container of template.spec.containers ?? []) container.resources ??= {};
  for (const container of template.spec.initContainers ?? []) container.resources ??= {};
  return { spec: { template: { ...template, $patch: 'replace' } } };
}

/** A new (not yet stored) revision of the set's template, labelled with the template labels and its hash. */
export function newRevision(set: StatefulSet, revision: number, collisionCount: number): ControllerRevision {
  const data = getPatch(set);
  const hash = hashControllerRevision(data, collisionCount);
  const revisionObject: ControllerRevision = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: controllerRevisionName(set.metadata.name, hash),
      namespace: set.metadata.namespace,
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      labels: { ...(set.spec.template.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash },
      ownerReferences: [newControllerRef(set, 'apps/v1', 'StatefulSet')],
    },
    data,
    revision,
  };
  // The set's annotations are copied (an empty map is not written, as Go's omitempty drops it).
  if (set.metadata.annotations && Object.keys(set.metadata.annotations).length) {
    revisionObject.metadata.annotations = { ...set.metadata.annotations };
  }
  return revisionObject;
}

/** The set with its pod template restored from `revision`. */
export function applyRevision<T extends StatefulSet>(set: T, revision: ControllerRevision): T {
  const clone = deepClone(set);
  const data = revision.data as { spec?: { template?: Record<string, unknown> } } | undefined;
  const template = deepClone(data?.spec?.template);
  if (template) {
    delete template.$patch;
    clone.spec.template = template as unknown as PodTemplateSpec;
  }
  return clone;
}

/** One more than the highest revision number, or 1. Expects sorted revisions. */
export function nextRevision(revisions: readonly ControllerRevision[]): number {
  const last = revisions[revisions.length - 1];
  return last ? last.revision + 1 : 1;
}

/** Sorts by revision number, then creationTimestamp, then name (history.SortControllerRevisions). */
export function sortControllerRevisions(revisions: ControllerRevision[]): ControllerRevision[] {
  return revisions.sort((a, b) => a.revision - b.revision || compare(a.metadata.creationTimestamp, b.metadata.creationTimestamp) || compare(a.metadata.name, b.metadata.name));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when both revisions hold the same data. */
export function equalRevision(lhs: ControllerRevision, rhs: ControllerRevision): boolean {
  return goJsonMarshal(lhs.data) === goJsonMarshal(rhs.data);
}

/** The revisions equal to `needle`, in the given order. */
export function findEqualRevisions(revisions: readonly ControllerRevision[], needle: ControllerRevision): ControllerRevision[] {
  return revisions.filter((r) => equalRevision(r, needle));
}

/** history.Interface over the simulated API server (realHistory). Writes throw ApiError. */
export class ControllerHistory {
  constructor(private readonly api: ApiServer) {}

  /** Revisions in the parent's namespace matching `selector` that the parent controls or nobody controls. */
  listControllerRevisions(parent: StatefulSet, selector: LabelSelector): ControllerRevision[] {
    return this.api
      .list<ControllerRevision>('ControllerRevision', parent.metadata.namespace)
      .filter((r) => matchesSelector(selector, r.metadata.labels))
      .filter((r) => {
        const ref = r.metadata.ownerReferences?.find((o) => o.controller);
        return !ref || ref.uid === parent.metadata.uid;
      });
  }

  /**
   * Creates the revision under the name its hash gives; on a name collision with different data the
   * collision count goes up and the name is recomputed. Returns the stored revision.
   */
  createControllerRevision(parent: StatefulSet, revision: ControllerRevision, collisionCount: { value: number }): ControllerRevision {
    for (;;) {
      const clone = deepClone(revision);
      clone.metadata.name = controllerRevisionName(parent.metadata.name, hashControllerRevision(revision.data, collisionCount.value));
      try {
        return this.api.create(clone);
      } catch (err) {
        if (!(err instanceof ApiError) || err.reason !== 'AlreadyExists') throw err;
        const exists = this.api.get<ControllerRevision>('ControllerRevision', parent.metadata.namespace, clone.metadata.name);
        if (exists && equalRevision(exists, clone)) return exists;
        collisionCount.value++;
      }
    }
  }

  /** Gives an existing revision a new revision number (a rollback to an earlier template). */
  updateControllerRevision(revision: ControllerRevision, newRevisionNumber: number): ControllerRevision {
    if (revision.revision === newRevisionNumber) return revision;
    const updated = this.api.mutate<ControllerRevision>('ControllerRevision', revision.metadata.namespace, revision.metadata.name, (draft) => {
      draft.revision = newRevisionNumber;
    });
    if (!updated) throw new ApiError('NotFound', 404, `controllerrevisions.apps "${revision.metadata.name}" not found`);
    return updated;
  }

  deleteControllerRevision(revision: ControllerRevision): void {
    this.api.delete('ControllerRevision', revision.metadata.namespace, revision.metadata.name);
  }

  /** Sets the parent as the controller of an orphaned revision. */
  adoptControllerRevision(parent: StatefulSet, revision: ControllerRevision): ControllerRevision {
    const updated = this.api.mutate<ControllerRevision>('ControllerRevision', revision.metadata.namespace, revision.metadata.name, (draft) => {
      if (draft.metadata.ownerReferences?.some((r) => r.controller)) return false;
      draft.metadata.ownerReferences = [...(draft.metadata.ownerReferences ?? []), newControllerRef(parent, 'apps/v1', 'StatefulSet')];
    });
    if (!updated) throw new ApiError('NotFound', 404, `controllerrevisions.apps "${revision.metadata.name}" not found`);
    return updated;
  }
}
