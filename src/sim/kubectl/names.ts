/**
 * How kubectl names objects in its messages: `statefulset.apps/web`, `pod/web-0`.
 */
import { kindPrefix, resourceForKind } from '../api/kinds';
import type { KubeObject } from '../api/meta';

/** `statefulset.apps/web`: the form of `-o name` and verb messages. */
export function objectRef(obj: Pick<KubeObject, 'kind' | 'metadata'>): string {
  return kindRef(obj.kind, obj.metadata.name);
}

export function kindRef(kind: string, name: string): string {
  const info = resourceForKind(kind);
  return `${info ? kindPrefix(info) : kind.toLowerCase()}/${name}`;
}
