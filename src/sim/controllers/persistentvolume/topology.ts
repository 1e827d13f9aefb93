/**
 * Mirrors component-helpers/scheduling/corev1/nodeaffinity and the topology handling of the CSI
 * external-provisioner: every zone decision about volumes lives here (PV node affinity, a class's
 * allowedTopologies, the zone a new volume is provisioned in).
 *
 * Simplified: the simulated CSI driver reports topology.kubernetes.io/zone, and for the `replicated` class
 * (parameters.type: replicated, a volume synchronously mirrored across the zones of a region, like regional
 * persistent disks) topology.kubernetes.io/region: such a volume can be attached in any zone of its region.
 */
import type { Node, NodeSelectorTerm, PersistentVolume } from '../../api/core';
import type { LabelSelectorRequirement } from '../../api/meta';
import type { StorageClass } from '../../api/other';
import { REGION_LABEL, ZONE_LABEL } from '../../scenarios/bootstrap';

/** True when one node-selector requirement holds for the node (matchFields supports metadata.name). */
function requirementMatches(req: LabelSelectorRequirement, value: string | undefined): boolean {
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    default: {
      // Gt / Lt, as nodeaffinity supports them for node labels.
      const op = (req as { operator: string }).operator;
      const n = Number(value);
      const bound = Number(values[0]);
      if (value === undefined || Number.isNaN(n) || Number.isNaN(bound)) return false;
      return op === 'Gt' ? n > bound : op === 'Lt' ? n < bound : false;
    }
  }
}

/** True when any of the terms matches the node (terms are ORed, expressions within a term ANDed). */
export function nodeMatchesSelectorTerms(node: Node, terms: readonly NodeSelectorTerm[]): boolean {
  const labels = node.metadata.labels ?? {};
  return terms.some((term) => {
    const exprs = term.matchExpressions ?? [];
    const fields = term.matchFields ?? [];
    if (!exprs.length && !fields.length) return false;
    return (
      exprs.every((r) => requirementMatches(r, labels[r.key])) &&
      fields.every((r) => requirementMatches(r, r.key === 'metadata.name' ? node.metadata.name : undefined))
    );
  });
}

/** CheckNodeAffinity: true when the PV has no required node affinity or the node satisfies it. */
export function volumeNodeAffinityMatches(pv: PersistentVolume, node: Node): boolean {
  const terms = pv.spec.nodeAffinity?.required?.nodeSelectorTerms;
  if (!terms) return true;
  return nodeMatchesSelectorTerms(node, terms);
}

/** MatchTopologySelectorTerms: true when the class has no allowedTopologies or the node is in one. */
export function classAllowsNode(sc: StorageClass, node: Node): boolean {
  const terms = sc.allowedTopologies;
  if (!terms?.length) return true;
  const labels = node.metadata.labels ?? {};
  return terms.some((t) => t.matchLabelExpressions.every((e) => e.values.includes(labels[e.key] ?? '\u0000')));
}

/** The zone label of a node, if any. */
export function nodeZone(node: Node): string | undefined {
  return node.metadata.labels?.[ZONE_LABEL];
}

/** The zones a new volume of this class may be provisioned in: zones of current nodes the class allows, sorted. */
export function provisionableZones(sc: StorageClass, nodes: readonly Node[]): string[] {
  const zones = new Set<string>();
  for (const n of nodes) {
    const z = nodeZone(n);
    if (z && classAllowsNode(sc, n)) zones.add(z);
  }
  return [...zones].sort();
}

/** The required node affinity the simulated CSI driver writes on a volume created in `zone`. */
export function zoneNodeAffinity(zone: string): NonNullable<PersistentVolume['spec']['nodeAffinity']> {
  return { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: ZONE_LABEL, operator: 'In', values: [zone] }] }] } };
}

/** The StorageClass parameter value (`parameters.type`) of volumes mirrored across all zones of a region. */
export const REPLICATED_VOLUME_TYPE = 'replicated';

/** PV annotation with the simulated write latency of the volume in milliseconds (shown by the UI). */
export const ANN_WRITE_LATENCY_MS = 'playground.k8s.io/write-latency-ms';

/** Write latency of a zonal volume and of a synchronously replicated one (a cross-zone round trip more). */
const WRITE_LATENCY_MS = { zonal: 1, replicated: 4 } as const;

/** True when volumes of the class are replicated across the zones of a region. */
export function isReplicatedClass(sc: StorageClass): boolean {
  return sc.parameters?.type === REPLICATED_VOLUME_TYPE;
}

/** The region label of a node, if any. */
export function nodeRegion(node: Node): string | undefined {
  return node.metadata.labels?.[REGION_LABEL];
}

/** The required node affinity the simulated CSI driver writes on a volume reachable from a whole region. */
export function regionNodeAffinity(region: string): NonNullable<PersistentVolume['spec']['nodeAffinity']> {
  return { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: REGION_LABEL, operator: 'In', values: [region] }] }] } };
}

/**
 * The node affinity of a new volume of class `sc` provisioned in `zone`: that zone, or for a replicated class
 * the region the zone belongs to (every zone of it). Undefined when the volume has no topology.
 */
export function provisionedNodeAffinity(
  sc: StorageClass,
  zone: string | undefined,
  nodes: readonly Node[],
): PersistentVolume['spec']['nodeAffinity'] {
  if (!zone) return undefined;
  if (!isReplicatedClass(sc)) return zoneNodeAffinity(zone);
  const region = nodes.filter((n) => nodeZone(n) === zone).map(nodeRegion).find((r) => r);
  return region ? regionNodeAffinity(region) : zoneNodeAffinity(zone);
}

/** Annotations the simulated CSI driver puts on a volume of class `sc` (its write latency). */
export function provisionedVolumeAnnotations(sc: StorageClass): Record<string, string> {
  return { [ANN_WRITE_LATENCY_MS]: String(isReplicatedClass(sc) ? WRITE_LATENCY_MS.replicated : WRITE_LATENCY_MS.zonal) };
}
