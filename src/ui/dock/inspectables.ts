/**
 * What the inspector can show: every object in the snapshot the canvas draws, named as the canvas names it
 * ("Pod mysql-0", "Node node-1", "Zone zone-a"), for the keyboard picker and the inspector's heading.
 */
import type { ClusterSnapshot } from '../../protocol';
import type { ObjectRef } from '../../store/playgroundStore';

/** One entry of the object picker. */
export interface Inspectable {
  ref: ObjectRef;
  /** `Pod mysql-0`: the accessible name the canvas gives the object. */
  label: string;
  /** The picker group (`Pods`, `Nodes`, ...). */
  group: string;
}

/** `Pod mysql-0`, `Zone zone-a`, with the namespace when it is not `default`. */
export function refLabel(ref: ObjectRef): string {
  const ns = ref.namespace && ref.namespace !== 'default' ? ` (${ref.namespace})` : '';
  return `${ref.kind} ${ref.name}${ns}`;
}

/** A string that identifies a ref (for keys and picker values). */
export function refKey(ref: ObjectRef): string {
  return `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}

export function sameRef(a: ObjectRef | null, b: ObjectRef | null): boolean {
  return a === b || (a !== null && b !== null && refKey(a) === refKey(b));
}

/** Zones are a topology label, not API objects: they have no `describe` or YAML. */
export function isApiObject(ref: ObjectRef): boolean {
  return ref.kind !== 'Zone';
}

/** Every object the snapshot holds that the inspector can show, grouped, in the snapshot's (sorted) order. */
export function inspectables(snapshot: ClusterSnapshot | null | undefined): Inspectable[] {
  if (!snapshot) return [];
  const out: Inspectable[] = [];
  const add = (group: string, ref: ObjectRef) => out.push({ ref, label: refLabel(ref), group });
  for (const w of snapshot.workloads)
    add('Workloads', { kind: w.kind, namespace: w.namespace, name: w.name });
  for (const p of snapshot.pods) add('Pods', { kind: 'Pod', namespace: p.namespace, name: p.name });
  const zones = [...new Set(snapshot.nodes.map((n) => n.zone).filter((z): z is string => z !== null))].sort();
  for (const z of zones) add('Zones', { kind: 'Zone', namespace: null, name: z });
  for (const n of snapshot.nodes) add('Nodes', { kind: 'Node', namespace: null, name: n.name });
  for (const s of snapshot.services)
    add('Services', { kind: 'Service', namespace: s.namespace, name: s.name });
  for (const c of snapshot.pvcs)
    add('PersistentVolumeClaims', { kind: 'PersistentVolumeClaim', namespace: c.namespace, name: c.name });
  for (const v of snapshot.pvs)
    add('PersistentVolumes', { kind: 'PersistentVolume', namespace: null, name: v.name });
  return out;
}

/** True while the snapshot still holds the object (a deleted pod's inspector says so). */
export function existsIn(snapshot: ClusterSnapshot | null | undefined, ref: ObjectRef): boolean {
  if (!snapshot) return false;
  const named = (o: { name: string; namespace?: string }) =>
    o.name === ref.name && (o.namespace === undefined || o.namespace === ref.namespace);
  switch (ref.kind) {
    case 'Pod':
      return snapshot.pods.some(named);
    case 'Node':
      return snapshot.nodes.some(named);
    case 'Zone':
      return snapshot.nodes.some((n) => n.zone === ref.name);
    case 'Service':
      return snapshot.services.some(named);
    case 'PersistentVolumeClaim':
      return snapshot.pvcs.some(named);
    case 'PersistentVolume':
      return snapshot.pvs.some(named);
    case 'StatefulSet':
    case 'Deployment':
      return snapshot.workloads.some((w) => w.kind === ref.kind && named(w));
    default:
      return inspectables(snapshot).some((i) => sameRef(i.ref, ref));
  }
}

/** The objects whose events belong to `ref`: itself, or for a zone every node in it. */
export function eventSubjects(snapshot: ClusterSnapshot | null | undefined, ref: ObjectRef): ObjectRef[] {
  if (ref.kind !== 'Zone') return [ref];
  return (snapshot?.nodes ?? [])
    .filter((n) => n.zone === ref.name)
    .map((n) => ({ kind: 'Node', namespace: null, name: n.name }));
}
