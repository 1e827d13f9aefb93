/**
 * Mirrors component-helpers/scheduling/corev1/nodeaffinity and the topology handling of the CSI
 * external-provisioner: every zone decision about volumes lives here (PV node affinity, a class's
 * allowedTopologies, the zone a new volume is provisioned in).
 *
 * Simplified: the only topology key the simulated CSI driver reports is topology.kubernetes.io/zone.
 * A later `replicated` StorageClass (volumes reachable from several zones) changes only this file.
 */
import type { Node, NodeSelectorTerm, PersistentVolume } from '../../api/core';
import type { LabelSelectorRequirement } from '../../api/meta';
import type { StorageClass } from '../../api/other';
import { ZONE_LABEL } from '../../scenarios/bootstrap';

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
