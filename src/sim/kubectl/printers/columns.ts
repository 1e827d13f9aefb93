// Mirrors the table handlers in pkg/printers/internalversion/printers.go (AddHandlers and the printX
// functions): the columns the API server sends for `kubectl get` and how each cell is computed.
// Simplified: no Event series (count and lastTimestamp only); VolumeSnapshot follows the external-snapshotter
// CRD's additionalPrinterColumns.
import type { AccessMode, Event, Namespace, Node, PersistentVolume, PersistentVolumeClaim, Pod, PodTemplateSpec, Service } from '../../api/core';
import type { ControllerRevision, Deployment, ReplicaSet, StatefulSet } from '../../api/apps';
import type { KubeObject, OwnerReference } from '../../api/meta';
import type { EndpointSlice, Lease, PodDisruptionBudget, StorageClass, VolumeSnapshot } from '../../api/other';
import { selectorToString } from '../../api/selectors';
import { age } from './duration';
import { podCells } from './podStatus';

/** One column definition: its name as the server spells it, and whether it is wide-only (Priority 1). */
export interface Column {
  name: string;
  wide?: boolean;
}

/** The columns of one kind and the function that fills a row (one cell per column, wide ones included). */
export interface ColumnSet {
  columns: readonly Column[];
  cells(obj: KubeObject, now: number, wide: boolean): string[];
}

const NONE = '<none>';
const UNSET = '<unset>';
const STORAGE_CLASS_BETA_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

const col = (name: string): Column => ({ name });
const wideCol = (name: string): Column => ({ name, wide: true });

/** helper.GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, de-duplicated. */
export function accessModesAsString(modes: readonly AccessMode[] | undefined): string {
  const short: [AccessMode, string][] = [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ];
  return short
    .filter(([m]) => modes?.includes(m))
    .map(([, s]) => s)
    .join(',');
}

/** labels.FormatLabels: `k=v,k2=v2` sorted by key, or `<none>`. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(',') : NONE;
}

/** helper.GetPersistentVolumeClaimClass / GetPersistentVolumeClass: the beta annotation wins. */
export function storageClassOf(obj: { metadata: { annotations?: Record<string, string> }; spec: { storageClassName?: string } }): string {
  return obj.metadata.annotations?.[STORAGE_CLASS_BETA_ANNOTATION] ?? obj.spec.storageClassName ?? '';
}

/** layoutContainerCells: names and images joined with commas. */
function layoutContainerCells(template: PodTemplateSpec): [string, string] {
  const containers = template.spec.containers;
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image).join(',')];
}

/** makePortString: `80/TCP`, `80:30080/TCP`, comma-joined. */
function makePortString(svc: Service): string {
  return (svc.spec.ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`)).join(',');
}

interface LoadBalancerView {
  externalIPs?: string[];
  ingress: { ip?: string; hostname?: string }[];
}

function loadBalancerView(svc: Service): LoadBalancerView {
  const spec = svc.spec as Service['spec'] & { externalIPs?: string[] };
  const lb = svc.status?.loadBalancer as { ingress?: { ip?: string; hostname?: string }[] } | undefined;
  return { externalIPs: spec.externalIPs, ingress: lb?.ingress ?? [] };
}

/** getServiceExternalIP. */
function serviceExternalIP(svc: Service, wide: boolean): string {
  const { externalIPs = [], ingress } = loadBalancerView(svc);
  switch (svc.spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length ? externalIPs.join(',') : NONE;
    case 'LoadBalancer': {
      let lbIPs = [...new Set(ingress.map((i) => i.ip || i.hostname || '').filter(Boolean))].sort().join(',');
      if (!wide && lbIPs.length > 16) lbIPs = lbIPs.slice(0, 13) + '...';
      if (externalIPs.length) return [...(lbIPs ? lbIPs.split(',') : []), ...externalIPs].join(',');
      return lbIPs || '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
  }
  return '<unknown>';
}

/** The Ready condition decides: Ready, NotReady, or Unknown without one; `,SchedulingDisabled` when cordoned. */
export function nodeStatus(node: Node): string {
  const ready = node.status.conditions.find((c) => c.type === 'Ready');
  const parts = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

/** findNodeRoles: `node-role.kubernetes.io/<role>` suffixes and the `kubernetes.io/role` value, sorted. */
export function findNodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith('node-role.kubernetes.io/')) {
      const role = key.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (key === 'kubernetes.io/role' && value) {
      roles.add(value);
    }
  }
  return [...roles].sort();
}

/** listWithMoreString: the first three, then ` + N more...`; `<unset>` when empty. */
function listWithMore(items: string[]): string {
  const shown = items.slice(0, 3).join(',');
  if (items.length > 3) return `${shown} + ${items.length - 3} more...`;
  return shown || UNSET;
}

function formatDiscoveryPorts(slice: EndpointSlice): string {
  return listWithMore((slice.ports ?? []).map((p) => (p.port !== undefined ? String(p.port) : (p.name ?? '*'))));
}

function formatDiscoveryEndpoints(slice: EndpointSlice): string {
  return listWithMore(slice.endpoints.flatMap((e) => e.addresses));
}

/** `statefulset.apps/web`: the lower-cased GroupKind of a controller reference and its name. */
export function formatControllerRef(ref: OwnerReference): string {
  const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
  return `${ref.kind.toLowerCase()}${group ? `.${group}` : ''}/${ref.name}`;
}

function eventTimes(e: Event, now: number): { first: string; last: string } {
  const first = e.firstTimestamp ? age(e.firstTimestamp, now) : age(e.eventTime ?? undefined, now);
  const last = e.lastTimestamp ? age(e.lastTimestamp, now) : first;
  return { first, last };
}

/** formatEventSource: component (or reportingController) and `, host` (or reportingInstance) when set. */
function formatEventSource(e: Event): string {
  const component = e.source.component || e.reportingComponent || '';
  const host = e.source.host || e.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}

const intOrPercent = (v: number | string | undefined): string => (v === undefined ? 'N/A' : String(v));

const isDefaultClass = (sc: StorageClass): boolean =>
  sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' || sc.metadata.annotations?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true';

export const COLUMNS: Record<string, ColumnSet> = {
  Pod: {
    columns: [col('Name'), col('Ready'), col('Status'), col('Restarts'), col('Age'), wideCol('IP'), wideCol('Node'), wideCol('Nominated Node'), wideCol('Readiness Gates')],
    cells(o, now) {
      const pod = o as Pod;
      const c = podCells(pod, now);
      const status = pod.status as Pod['status'] & { nominatedNodeName?: string };
      const gates = (pod.spec as Pod['spec'] & { readinessGates?: { conditionType: string }[] }).readinessGates ?? [];
      const trueGates = gates.filter((g) => pod.status.conditions?.find((cond) => cond.type === g.conditionType)?.status === 'True').length;
      return [
        pod.metadata.name,
        c.ready,
        c.status,
        c.restarts,
        age(pod.metadata.creationTimestamp, now),
        pod.status.podIPs?.[0]?.ip || NONE,
        pod.spec.nodeName || NONE,
        status.nominatedNodeName || NONE,
        gates.length ? `${trueGates}/${gates.length}` : NONE,
      ];
    },
  },
  Service: {
    columns: [col('Name'), col('Type'), col('Cluster-IP'), col('External-IP'), col('Port(s)'), col('Age'), wideCol('Selector')],
    cells(o, now, wide) {
      const svc = o as Service;
      return [
        svc.metadata.name,
        svc.spec.type ?? '',
        svc.spec.clusterIPs?.[0] ?? NONE,
        serviceExternalIP(svc, wide),
        makePortString(svc) || NONE,
        age(svc.metadata.creationTimestamp, now),
        formatLabels(svc.spec.selector),
      ];
    },
  },
  PersistentVolumeClaim: {
    columns: [col('Name'), col('Status'), col('Volume'), col('Capacity'), col('Access Modes'), col('StorageClass'), col('VolumeAttributesClass'), col('Age'), wideCol('VolumeMode')],
    cells(o, now) {
      const pvc = o as PersistentVolumeClaim;
      const bound = Boolean(pvc.spec.volumeName);
      return [
        pvc.metadata.name,
        pvc.metadata.deletionTimestamp ? 'Terminating' : (pvc.status.phase ?? ''),
        pvc.spec.volumeName ?? '',
        bound ? (pvc.status.capacity?.storage ?? '0') : '',
        bound ? accessModesAsString(pvc.status.accessModes) : '',
        storageClassOf(pvc),
        UNSET,
        age(pvc.metadata.creationTimestamp, now),
        pvc.spec.volumeMode ?? UNSET,
      ];
    },
  },
  PersistentVolume: {
    columns: [
      col('Name'),
      col('Capacity'),
      col('Access Modes'),
      col('Reclaim Policy'),
      col('Status'),
      col('Claim'),
      col('StorageClass'),
      col('VolumeAttributesClass'),
      col('Reason'),
      col('Age'),
      wideCol('VolumeMode'),
    ],
    cells(o, now) {
      const pv = o as PersistentVolume;
      return [
        pv.metadata.name,
        pv.spec.capacity.storage ?? '0',
        accessModesAsString(pv.spec.accessModes),
        pv.spec.persistentVolumeReclaimPolicy ?? '',
        pv.metadata.deletionTimestamp ? 'Terminating' : (pv.status.phase ?? ''),
        pv.spec.claimRef ? `${pv.spec.claimRef.namespace}/${pv.spec.claimRef.name}` : '',
        storageClassOf(pv),
        UNSET,
        pv.status.reason ?? '',
        age(pv.metadata.creationTimestamp, now),
        pv.spec.volumeMode ?? UNSET,
      ];
    },
  },
  StatefulSet: {
    columns: [col('Name'), col('Ready'), col('Age'), wideCol('Containers'), wideCol('Images')],
    cells(o, now) {
      const sts = o as StatefulSet;
      return [sts.metadata.name, `${sts.status?.readyReplicas ?? 0}/${sts.spec.replicas ?? 0}`, age(sts.metadata.creationTimestamp, now), ...layoutContainerCells(sts.spec.template)];
    },
  },
  Deployment: {
    columns: [col('Name'), col('Ready'), col('Up-to-date'), col('Available'), col('Age'), wideCol('Containers'), wideCol('Images'), wideCol('Selector')],
    cells(o, now) {
      const d = o as Deployment;
      const s = d.status ?? {};
      const selector = selectorToString(d.spec.selector);
      return [
        d.metadata.name,
        `${s.readyReplicas ?? 0}/${d.spec.replicas ?? 0}`,
        String(s.updatedReplicas ?? 0),
        String(s.availableReplicas ?? 0),
        age(d.metadata.creationTimestamp, now),
        ...layoutContainerCells(d.spec.template),
        selector === NONE ? '' : selector,
      ];
    },
  },
  ReplicaSet: {
    columns: [col('Name'), col('Desired'), col('Current'), col('Ready'), col('Age'), wideCol('Containers'), wideCol('Images'), wideCol('Selector')],
    cells(o, now) {
      const rs = o as ReplicaSet;
      return [
        rs.metadata.name,
        String(rs.spec.replicas ?? 0),
        String(rs.status?.replicas ?? 0),
        String(rs.status?.readyReplicas ?? 0),
        age(rs.metadata.creationTimestamp, now),
        ...layoutContainerCells(rs.spec.template),
        selectorToString(rs.spec.selector),
      ];
    },
  },
  Node: {
    columns: [col('Name'), col('Status'), col('Roles'), col('Age'), col('Version'), wideCol('Internal-IP'), wideCol('External-IP'), wideCol('OS-Image'), wideCol('Kernel-Version'), wideCol('Container-Runtime')],
    cells(o, now) {
      const node = o as Node;
      const info = node.status.nodeInfo;
      const addr = (type: string) => node.status.addresses.find((a) => a.type === type)?.address ?? NONE;
      return [
        node.metadata.name,
        nodeStatus(node),
        findNodeRoles(node).join(',') || NONE,
        age(node.metadata.creationTimestamp, now),
        info.kubeletVersion,
        addr('InternalIP'),
        addr('ExternalIP'),
        info.osImage || '<unknown>',
        info.kernelVersion || '<unknown>',
        info.containerRuntimeVersion || '<unknown>',
      ];
    },
  },
  Namespace: {
    columns: [col('Name'), col('Status'), col('Age')],
    cells(o, now) {
      const ns = o as Namespace;
      return [ns.metadata.name, ns.status?.phase ?? '', age(ns.metadata.creationTimestamp, now)];
    },
  },
  EndpointSlice: {
    columns: [col('Name'), col('AddressType'), col('Ports'), col('Endpoints'), col('Age')],
    cells(o, now) {
      const s = o as EndpointSlice;
      return [s.metadata.name, s.addressType, formatDiscoveryPorts(s), formatDiscoveryEndpoints(s), age(s.metadata.creationTimestamp, now)];
    },
  },
  Event: {
    columns: [col('Last Seen'), col('Type'), col('Reason'), col('Object'), wideCol('Subobject'), wideCol('Source'), col('Message'), wideCol('First Seen'), wideCol('Count'), wideCol('Name')],
    cells(o, now) {
      const e = o as Event;
      const { first, last } = eventTimes(e, now);
      const kind = e.involvedObject.kind.toLowerCase();
      const target = e.involvedObject.name ? `${kind}/${e.involvedObject.name}` : kind;
      return [last, e.type, e.reason, target, e.involvedObject.fieldPath ?? '', formatEventSource(e), e.message.trim(), first, String(e.count || 1), e.metadata.name];
    },
  },
  StorageClass: {
    columns: [col('Name'), col('Provisioner'), col('ReclaimPolicy'), col('VolumeBindingMode'), col('AllowVolumeExpansion'), col('Age')],
    cells(o, now) {
      const sc = o as StorageClass;
      return [
        isDefaultClass(sc) ? `${sc.metadata.name} (default)` : sc.metadata.name,
        sc.provisioner,
        sc.reclaimPolicy ?? 'Delete',
        sc.volumeBindingMode ?? 'Immediate',
        String(sc.allowVolumeExpansion ?? false),
        age(sc.metadata.creationTimestamp, now),
      ];
    },
  },
  ControllerRevision: {
    columns: [col('Name'), col('Controller'), col('Revision'), col('Age')],
    cells(o, now) {
      const cr = o as ControllerRevision;
      const ref = cr.metadata.ownerReferences?.find((r) => r.controller);
      return [cr.metadata.name, ref ? formatControllerRef(ref) : NONE, String(cr.revision), age(cr.metadata.creationTimestamp, now)];
    },
  },
  PodDisruptionBudget: {
    columns: [col('Name'), col('Min Available'), col('Max Unavailable'), col('Allowed Disruptions'), col('Age')],
    cells(o, now) {
      const pdb = o as PodDisruptionBudget;
      return [pdb.metadata.name, intOrPercent(pdb.spec.minAvailable), intOrPercent(pdb.spec.maxUnavailable), String(pdb.status?.disruptionsAllowed ?? 0), age(pdb.metadata.creationTimestamp, now)];
    },
  },
  Lease: {
    columns: [col('Name'), col('Holder'), col('Age')],
    cells(o, now) {
      const l = o as Lease;
      return [l.metadata.name, l.spec.holderIdentity ?? '', age(l.metadata.creationTimestamp, now)];
    },
  },
  VolumeSnapshot: {
    columns: ['Name', 'ReadyToUse', 'SourcePVC', 'SourceSnapshotContent', 'RestoreSize', 'SnapshotClass', 'SnapshotContent', 'CreationTime', 'Age'].map(col),
    cells(o, now) {
      const vs = o as VolumeSnapshot;
      return [
        vs.metadata.name,
        vs.status?.readyToUse === undefined ? '' : String(vs.status.readyToUse),
        vs.spec.source.persistentVolumeClaimName ?? '',
        vs.spec.source.volumeSnapshotContentName ?? '',
        vs.status?.restoreSize ?? '',
        vs.spec.volumeSnapshotClassName ?? '',
        vs.status?.boundVolumeSnapshotContentName ?? '',
        vs.status?.creationTime ? age(vs.status.creationTime, now) : '',
        age(vs.metadata.creationTimestamp, now),
      ];
    },
  },
  // The external-snapshotter CRDs' additionalPrinterColumns.
  VolumeSnapshotClass: {
    columns: ['Name', 'Driver', 'DeletionPolicy', 'Age'].map(col),
    cells(o, now) {
      const c = o as KubeObject & { driver?: string; deletionPolicy?: string };
      return [c.metadata.name, c.driver ?? '', c.deletionPolicy ?? '', age(c.metadata.creationTimestamp, now)];
    },
  },
  VolumeSnapshotContent: {
    columns: ['Name', 'ReadyToUse', 'RestoreSize', 'DeletionPolicy', 'Driver', 'VolumeSnapshotClass', 'VolumeSnapshot', 'VolumeSnapshotNamespace', 'Age'].map(col),
    cells(o, now) {
      const c = o as KubeObject & {
        spec: { deletionPolicy?: string; driver?: string; volumeSnapshotClassName?: string; volumeSnapshotRef?: { name?: string; namespace?: string } };
        status?: { readyToUse?: boolean; restoreSize?: number };
      };
      return [
        c.metadata.name,
        c.status?.readyToUse === undefined ? '' : String(c.status.readyToUse),
        c.status?.restoreSize === undefined ? '' : String(c.status.restoreSize),
        c.spec.deletionPolicy ?? '',
        c.spec.driver ?? '',
        c.spec.volumeSnapshotClassName ?? '',
        c.spec.volumeSnapshotRef?.name ?? '',
        c.spec.volumeSnapshotRef?.namespace ?? '',
        age(c.metadata.creationTimestamp, now),
      ];
    },
  },
};

/** Kinds without a table handler: NAME and AGE (tableprinter.go's default columns). */
export const DEFAULT_COLUMNS: ColumnSet = {
  columns: [col('Name'), col('Age')],
  cells: (o, now) => [o.metadata.name, age(o.metadata.creationTimestamp, now)],
};
