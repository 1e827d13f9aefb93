/**
 * The API resources the simulated API server serves: kind, group/version, plural resource name,
 * short names and scope, as `kubectl api-resources` lists them.
 */

export interface ResourceInfo {
  kind: string;
  /** Plural, lower case: the REST resource name (`statefulsets`). */
  resource: string;
  singular: string;
  group: string;
  version: string;
  shortNames: readonly string[];
  namespaced: boolean;
}

const resources: readonly ResourceInfo[] = [
  { kind: 'Namespace', resource: 'namespaces', singular: 'namespace', group: '', version: 'v1', shortNames: ['ns'], namespaced: false },
  { kind: 'Node', resource: 'nodes', singular: 'node', group: '', version: 'v1', shortNames: ['no'], namespaced: false },
  { kind: 'Pod', resource: 'pods', singular: 'pod', group: '', version: 'v1', shortNames: ['po'], namespaced: true },
  { kind: 'Service', resource: 'services', singular: 'service', group: '', version: 'v1', shortNames: ['svc'], namespaced: true },
  { kind: 'PersistentVolumeClaim', resource: 'persistentvolumeclaims', singular: 'persistentvolumeclaim', group: '', version: 'v1', shortNames: ['pvc'], namespaced: true },
  { kind: 'PersistentVolume', resource: 'persistentvolumes', singular: 'persistentvolume', group: '', version: 'v1', shortNames: ['pv'], namespaced: false },
  { kind: 'Event', resource: 'events', singular: 'event', group: '', version: 'v1', shortNames: ['ev'], namespaced: true },
  { kind: 'ConfigMap', resource: 'configmaps', singular: 'configmap', group: '', version: 'v1', shortNames: ['cm'], namespaced: true },
  { kind: 'StatefulSet', resource: 'statefulsets', singular: 'statefulset', group: 'apps', version: 'v1', shortNames: ['sts'], namespaced: true },
  { kind: 'Deployment', resource: 'deployments', singular: 'deployment', group: 'apps', version: 'v1', shortNames: ['deploy'], namespaced: true },
  { kind: 'ReplicaSet', resource: 'replicasets', singular: 'replicaset', group: 'apps', version: 'v1', shortNames: ['rs'], namespaced: true },
  { kind: 'ControllerRevision', resource: 'controllerrevisions', singular: 'controllerrevision', group: 'apps', version: 'v1', shortNames: [], namespaced: true },
  { kind: 'StorageClass', resource: 'storageclasses', singular: 'storageclass', group: 'storage.k8s.io', version: 'v1', shortNames: ['sc'], namespaced: false },
  { kind: 'EndpointSlice', resource: 'endpointslices', singular: 'endpointslice', group: 'discovery.k8s.io', version: 'v1', shortNames: [], namespaced: true },
  { kind: 'PodDisruptionBudget', resource: 'poddisruptionbudgets', singular: 'poddisruptionbudget', group: 'policy', version: 'v1', shortNames: ['pdb'], namespaced: true },
  { kind: 'Lease', resource: 'leases', singular: 'lease', group: 'coordination.k8s.io', version: 'v1', shortNames: [], namespaced: true },
  { kind: 'VolumeSnapshot', resource: 'volumesnapshots', singular: 'volumesnapshot', group: 'snapshot.storage.k8s.io', version: 'v1', shortNames: ['vs'], namespaced: true },
  { kind: 'VolumeSnapshotClass', resource: 'volumesnapshotclasses', singular: 'volumesnapshotclass', group: 'snapshot.storage.k8s.io', version: 'v1', shortNames: ['vsclass', 'vsclasses'], namespaced: false },
  { kind: 'VolumeSnapshotContent', resource: 'volumesnapshotcontents', singular: 'volumesnapshotcontent', group: 'snapshot.storage.k8s.io', version: 'v1', shortNames: ['vsc', 'vscs'], namespaced: false },
];

const byKind = new Map(resources.map((r) => [r.kind, r]));

/** All served resources, in a fixed order. */
export function allResources(): readonly ResourceInfo[] {
  return resources;
}

/** The resource serving `kind`, or undefined when the API server has no such kind. */
export function resourceForKind(kind: string): ResourceInfo | undefined {
  return byKind.get(kind);
}

/** `apps/v1` or `v1`. */
export function apiVersionOf(info: ResourceInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

/** `statefulsets.apps` or `pods`: the name the API server uses in its error messages. */
export function qualifiedResource(info: ResourceInfo): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}

/** `statefulset.apps` or `pod`: the prefix kubectl prints in `-o name` and verb messages. */
export function kindPrefix(info: ResourceInfo): string {
  return info.group ? `${info.singular}.${info.group}` : info.singular;
}

/**
 * Resolves what a user typed (`sts`, `statefulsets`, `statefulset.apps`, `StatefulSet`) to a resource,
 * as kubectl's RESTMapper does.
 */
export function resolveResource(typed: string): ResourceInfo | undefined {
  const lower = typed.toLowerCase();
  const [base, ...groupParts] = lower.split('.');
  const group = groupParts.join('.');
  return resources.find((r) => {
    if (group && r.group !== group) return false;
    return (
      r.resource === base ||
      r.singular === base ||
      r.kind.toLowerCase() === base ||
      r.shortNames.includes(base ?? '')
    );
  });
}
