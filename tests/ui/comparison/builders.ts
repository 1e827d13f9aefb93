/** Hand-built snapshots for the history tests: the `compare` scenario's shape, pod by pod. */
import type { ClusterSnapshot, EventSnapshot, PodSnapshot } from '../../../src/protocol';
import type { VolumeDataSnapshot } from '../../../src/sim/snapshot';

export interface PodSpec {
  uid: string;
  node?: string;
  ip?: string | null;
  createdAt?: number;
  readyAt?: number | null;
  /** deletionTimestamp (ms) with a 10 s grace period. */
  deletingAt?: number;
  isReady?: boolean;
  status?: string;
}

const ZONES: Record<string, string> = { 'node-1': 'zone-a', 'node-2': 'zone-a', 'node-3': 'zone-b', 'node-4': 'zone-b' };

function base(name: string, spec: PodSpec): PodSnapshot {
  const terminating = spec.deletingAt !== undefined;
  const isReady = spec.isReady ?? !terminating;
  return {
    name,
    namespace: 'default',
    uid: spec.uid,
    nodeName: spec.node ?? 'node-1',
    phase: 'Running',
    status: spec.status ?? (terminating ? 'Terminating' : 'Running'),
    ready: isReady ? '1/1' : '0/1',
    restarts: '0',
    isReady,
    isTerminating: terminating,
    deletionTime: terminating ? spec.deletingAt! + 10_000 : null,
    deletionGracePeriodSeconds: terminating ? 10 : null,
    ip: spec.ip === undefined ? '10.244.1.2' : spec.ip,
    ownerKind: null,
    ownerName: null,
    workloadKind: null,
    workloadName: null,
    claimNames: [],
    creationTimestamp: '',
    creationTime: spec.createdAt ?? 0,
    readyTime: isReady ? (spec.readyAt ?? (spec.createdAt ?? 0) + 3000) : null,
    hostname: null,
    subdomain: null,
    volumes: [],
  };
}

/** `mysql-<ordinal>` with PVC data-mysql-<ordinal> bound to PV pv-<ordinal>. */
export function stsPod(ordinal: number, spec: PodSpec): PodSnapshot {
  const name = `mysql-${ordinal}`;
  return {
    ...base(name, spec),
    ownerKind: 'StatefulSet',
    ownerName: 'mysql',
    workloadKind: 'StatefulSet',
    workloadName: 'mysql',
    claimNames: [`data-${name}`],
    hostname: name,
    subdomain: 'mysql',
    volumes: [{ name: 'data', source: 'persistentVolumeClaim', claimName: `data-${name}`, volumeId: `pv:pv-${ordinal}`, mountPaths: ['/var/lib/mysql'] }],
  };
}

/** `mysql-deploy-6d9c8b7f5-<suffix>` with an emptyDir `data`. */
export function deployPod(suffix: string, spec: PodSpec, rs = '6d9c8b7f5'): PodSnapshot {
  return {
    ...base(`mysql-deploy-${rs}-${suffix}`, spec),
    ownerKind: 'ReplicaSet',
    ownerName: `mysql-deploy-${rs}`,
    workloadKind: 'Deployment',
    workloadName: 'mysql-deploy',
    volumes: [{ name: 'data', source: 'emptyDir', claimName: null, volumeId: `emptydir:${spec.uid}/data`, mountPaths: ['/var/lib/mysql'] }],
  };
}

export function rows(volumeId: string, count: number): VolumeDataSnapshot {
  return { volumeId, files: count > 0 ? 3 : 0, tables: count > 0 ? 1 : 0, rows: count };
}

export function event(uid: string, reason: string, message: string, time: number, involved: { object: string; uid: string | null }, type = 'Normal'): EventSnapshot {
  return { uid, namespace: 'default', type, reason, message, object: involved.object, involvedUid: involved.uid, source: '', count: 1, time };
}

export interface SnapshotOptions {
  stsReplicas?: number;
  deployReplicas?: number;
  events?: EventSnapshot[];
  volumeData?: VolumeDataSnapshot[];
  cordoned?: string[];
  notReady?: string[];
}

export function snapshot(time: number, pods: PodSnapshot[], options: SnapshotOptions = {}): ClusterSnapshot {
  const pvs = [0, 1, 2, 3, 4].map((i) => ({
    name: `pv-${i}`,
    uid: `pv-uid-${i}`,
    phase: 'Bound',
    claim: `default/data-mysql-${i}`,
    capacity: '1Gi',
    reclaimPolicy: 'Delete',
    storageClassName: 'standard',
    zone: i % 2 === 0 ? 'zone-b' : 'zone-a',
    isTerminating: false,
  }));
  return {
    time,
    nodes: Object.entries(ZONES).map(([name, zone]) => ({
      name,
      uid: `uid-${name}`,
      zone,
      status: 'Ready',
      isReady: !options.notReady?.includes(name),
      isUnschedulable: options.cordoned?.includes(name) ?? false,
      podCIDR: null,
      volumesAttached: [],
      volumesInUse: [],
    })),
    pods,
    pvcs: [],
    pvs,
    services: [
      { name: 'mysql', namespace: 'default', uid: 'svc-1', type: 'ClusterIP', clusterIP: 'None', isHeadless: true, selector: { app: 'mysql' }, ports: ['3306/TCP'], dnsName: 'mysql.default.svc.cluster.local', endpoints: [] },
      { name: 'mysql-deploy', namespace: 'default', uid: 'svc-2', type: 'ClusterIP', clusterIP: '10.96.4.21', isHeadless: false, selector: { app: 'mysql-deploy' }, ports: ['3306/TCP'], dnsName: 'mysql-deploy.default.svc.cluster.local', endpoints: [] },
    ],
    workloads: [
      { kind: 'StatefulSet', name: 'mysql', namespace: 'default', uid: 'sts-uid', replicas: options.stsReplicas ?? 3, readyReplicas: 3 },
      { kind: 'Deployment', name: 'mysql-deploy', namespace: 'default', uid: 'deploy-uid', replicas: options.deployReplicas ?? 3, readyReplicas: 3 },
    ],
    events: options.events ?? [],
    volumeData: options.volumeData ?? [],
  };
}

/** The three StatefulSet pods and three Deployment pods of the start, all Ready. */
export function startPods(): PodSnapshot[] {
  return [
    stsPod(0, { uid: 's0', node: 'node-3', ip: '10.244.3.2', createdAt: 0 }),
    stsPod(1, { uid: 's1', node: 'node-1', ip: '10.244.1.3', createdAt: 5000 }),
    stsPod(2, { uid: 's2', node: 'node-4', ip: '10.244.4.3', createdAt: 9000 }),
    deployPod('aaaaa', { uid: 'd1', node: 'node-1', ip: '10.244.1.2', createdAt: 0 }),
    deployPod('bbbbb', { uid: 'd2', node: 'node-4', ip: '10.244.4.2', createdAt: 0 }),
    deployPod('ccccc', { uid: 'd3', node: 'node-2', ip: '10.244.2.2', createdAt: 0 }),
  ];
}
