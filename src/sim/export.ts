/**
 * Export: the cluster's user-level objects as a multi-document YAML that a real cluster accepts with
 * `kubectl apply -f export.yaml`. Mirrors what people do by hand after `kubectl get -o yaml` (the old
 * `--export` flag, removed in kubectl 1.18, did a similar clean-up): server-owned fields go, and so do
 * defaults the API server would fill in again the same way.
 *
 * Exported kinds, in apply order: Namespaces (not the system ones), ConfigMaps, Services (not `kubernetes`),
 * PersistentVolumeClaims (not a StatefulSet's), VolumeSnapshots, PodDisruptionBudgets, StatefulSets,
 * Deployments. Not exported: what controllers create (Pods, ReplicaSets, ControllerRevisions, EndpointSlices,
 * PVs, a StatefulSet's claims, Events), cluster infrastructure (Nodes, StorageClasses, system namespaces).
 * Simplified: bare Pods and other kinds are left out.
 */
import type { KubeObject } from './api/meta';
import { deepClone, deepEqual } from './apiserver/objects';
import { toYaml } from './kubectl/output';

/** Namespaces every cluster has: never exported, and nothing in them but the user's own namespaces. */
export const SYSTEM_NAMESPACES: readonly string[] = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/** The kinds exported, in the order a real cluster needs them (what others refer to comes first). */
export const EXPORT_ORDER: readonly string[] = [
  'Namespace',
  'ConfigMap',
  'Service',
  'PersistentVolumeClaim',
  'VolumeSnapshot',
  'PodDisruptionBudget',
  'StatefulSet',
  'Deployment',
];

/** Annotations the API server or controllers write; a fresh cluster writes its own. */
const SERVER_ANNOTATIONS = [
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'pv.kubernetes.io/bind-completed',
  'pv.kubernetes.io/bound-by-controller',
  'volume.beta.kubernetes.io/storage-provisioner',
  'volume.kubernetes.io/storage-provisioner',
  'volume.kubernetes.io/selected-node',
];

type Json = Record<string, unknown>;

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deletes `key` from `obj` when its value equals one of `defaults`. */
function dropDefault(obj: unknown, key: string, ...defaults: unknown[]): void {
  if (isRecord(obj) && obj[key] !== undefined && defaults.some((d) => deepEqual(obj[key], d))) delete obj[key];
}

function dropEmpty(obj: unknown, key: string): void {
  if (isRecord(obj) && isRecord(obj[key]) && Object.keys(obj[key]).length === 0) delete obj[key];
}

/** True for a claim a StatefulSet created from a volumeClaimTemplate (`<template>-<set>-<ordinal>`). */
function isStatefulSetClaim(pvc: KubeObject, statefulSets: readonly KubeObject[]): boolean {
  if (pvc.metadata.ownerReferences?.some((r) => r.kind === 'StatefulSet' || r.kind === 'Pod')) return true;
  return statefulSets.some((sts) => {
    if (sts.metadata.namespace !== pvc.metadata.namespace) return false;
    const templates = ((sts as unknown as { spec: { volumeClaimTemplates?: KubeObject[] } }).spec.volumeClaimTemplates ?? []);
    return templates.some((t) => new RegExp(`^${escape(`${t.metadata.name}-${sts.metadata.name}-`)}\\d+$`).test(pvc.metadata.name));
  });
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when `obj` is one of the user's objects that the export carries. */
export function isExported(obj: KubeObject, all: readonly KubeObject[]): boolean {
  if (!EXPORT_ORDER.includes(obj.kind)) return false;
  const meta = obj.metadata;
  if (meta.deletionTimestamp) return false;
  if (obj.kind === 'Namespace') return !SYSTEM_NAMESPACES.includes(meta.name);
  if (meta.namespace !== undefined && SYSTEM_NAMESPACES.includes(meta.namespace) && meta.namespace !== 'default') return false;
  if (obj.kind === 'Service' && meta.namespace === 'default' && meta.name === 'kubernetes') return false;
  if (obj.kind === 'ConfigMap' && meta.name === 'kube-root-ca.crt') return false;
  if (obj.kind === 'PersistentVolumeClaim') return !isStatefulSetClaim(obj, all.filter((o) => o.kind === 'StatefulSet'));
  return true;
}

function cleanMetadata(meta: Json): void {
  for (const key of ['uid', 'resourceVersion', 'creationTimestamp', 'generation', 'managedFields', 'selfLink', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generateName']) {
    delete meta[key];
  }
  // The user's own objects have no controller owner; any owner (a uid of this cluster) cannot carry over.
  delete meta.ownerReferences;
  delete meta.finalizers;
  if (isRecord(meta.annotations)) {
    for (const key of SERVER_ANNOTATIONS) delete meta.annotations[key];
  }
  dropEmpty(meta, 'annotations');
  dropEmpty(meta, 'labels');
}

function cleanContainer(c: unknown): void {
  if (!isRecord(c)) return;
  dropDefault(c, 'terminationMessagePath', '/dev/termination-log');
  dropDefault(c, 'terminationMessagePolicy', 'File');
  // The default pull policy follows the image tag (Always for :latest or no tag), so it comes back the same.
  const image = typeof c.image === 'string' ? c.image : '';
  const tag = /:[^/:]+$/.exec(image.split('@')[0]!)?.[0];
  dropDefault(c, 'imagePullPolicy', !tag || tag === ':latest' ? 'Always' : 'IfNotPresent');
  dropEmpty(c, 'resources');
  for (const port of Array.isArray(c.ports) ? c.ports : []) dropDefault(port, 'protocol', 'TCP');
}

function cleanPodTemplate(template: unknown): void {
  if (!isRecord(template)) return;
  if (isRecord(template.metadata)) {
    dropDefault(template.metadata, 'creationTimestamp', null);
    dropEmpty(template, 'metadata');
  }
  const spec = template.spec;
  if (!isRecord(spec)) return;
  for (const list of ['containers', 'initContainers']) {
    for (const c of Array.isArray(spec[list]) ? spec[list] : []) cleanContainer(c);
  }
  dropDefault(spec, 'dnsPolicy', 'ClusterFirst');
  dropDefault(spec, 'restartPolicy', 'Always');
  dropDefault(spec, 'schedulerName', 'default-scheduler');
  dropDefault(spec, 'terminationGracePeriodSeconds', 30);
  dropEmpty(spec, 'securityContext');
}

function cleanClaimSpec(spec: unknown): void {
  if (!isRecord(spec)) return;
  dropDefault(spec, 'volumeMode', 'Filesystem');
  // The PV of this cluster does not exist elsewhere: the claim is provisioned afresh.
  delete spec.volumeName;
}

function cleanSpec(obj: Json): void {
  const spec = obj.spec;
  if (!isRecord(spec)) return;
  switch (obj.kind) {
    case 'StatefulSet':
      cleanPodTemplate(spec.template);
      dropDefault(spec, 'podManagementPolicy', 'OrderedReady');
      dropDefault(spec, 'revisionHistoryLimit', 10);
      dropDefault(spec, 'persistentVolumeClaimRetentionPolicy', { whenDeleted: 'Retain', whenScaled: 'Retain' });
      dropDefault(
        spec,
        'updateStrategy',
        { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
        { type: 'RollingUpdate', rollingUpdate: { partition: 0, maxUnavailable: 1 } },
      );
      for (const t of Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : []) {
        if (!isRecord(t)) continue;
        delete t.status;
        dropDefault(t, 'apiVersion', 'v1');
        dropDefault(t, 'kind', 'PersistentVolumeClaim');
        if (isRecord(t.metadata)) cleanMetadata(t.metadata);
        cleanClaimSpec(t.spec);
      }
      return;
    case 'Deployment':
      cleanPodTemplate(spec.template);
      dropDefault(spec, 'progressDeadlineSeconds', 600);
      dropDefault(spec, 'revisionHistoryLimit', 10);
      dropDefault(spec, 'strategy', { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
      return;
    case 'Service': {
      // The ClusterIP came from this cluster's service range; a headless Service keeps `clusterIP: None`.
      if (spec.clusterIP !== 'None') delete spec.clusterIP;
      delete spec.clusterIPs;
      delete spec.ipFamilies;
      delete spec.ipFamilyPolicy;
      dropDefault(spec, 'type', 'ClusterIP');
      dropDefault(spec, 'sessionAffinity', 'None');
      dropDefault(spec, 'internalTrafficPolicy', 'Cluster');
      for (const port of Array.isArray(spec.ports) ? spec.ports : []) {
        dropDefault(port, 'protocol', 'TCP');
        if (isRecord(port)) dropDefault(port, 'targetPort', port.port);
      }
      return;
    }
    case 'PersistentVolumeClaim':
      cleanClaimSpec(spec);
      return;
    case 'Namespace':
      dropDefault(spec, 'finalizers', ['kubernetes']);
      dropEmpty(obj, 'spec');
      return;
  }
}

/** One object as exported: a copy without status and server-owned fields, and without harmless defaults. */
export function exportObject(obj: KubeObject): KubeObject {
  const copy = deepClone(obj) as unknown as Json;
  delete copy.status;
  if (isRecord(copy.metadata)) cleanMetadata(copy.metadata);
  cleanSpec(copy);
  return copy as unknown as KubeObject;
}

function kindRank(kind: string): number {
  return EXPORT_ORDER.indexOf(kind);
}

/**
 * The user-level objects among `objects` (for example `api.dump().objects`), cleaned by `exportObject`, in
 * apply order: by kind (EXPORT_ORDER), then namespace, then name.
 */
export function exportObjects(objects: readonly KubeObject[]): KubeObject[] {
  return objects
    .filter((o) => isExported(o, objects))
    .sort(
      (a, b) =>
        kindRank(a.kind) - kindRank(b.kind) ||
        (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') ||
        a.metadata.name.localeCompare(b.metadata.name),
    )
    .map(exportObject);
}

/** The export as one multi-document YAML text (`---` between documents), with a header comment. */
export function exportYaml(objects: readonly KubeObject[]): string {
  const docs = exportObjects(objects).map((o) => toYaml(o));
  const header =
    '# Exported from StatefulSet Playground (a simulated Kubernetes 1.35 cluster).\n' +
    '# Apply to a real cluster with: kubectl apply -f export.yaml (see docs/real-cluster.md).\n';
  return header + (docs.length ? docs.map((d) => `---\n${d}`).join('') : '# No user objects to export.\n');
}
