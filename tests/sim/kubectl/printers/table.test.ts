import { describe, expect, it } from 'vitest';
import type { Event, Node, PersistentVolume, PersistentVolumeClaim, Service } from '../../../../src/sim/api/core';
import type { ControllerRevision, StatefulSet } from '../../../../src/sim/api/apps';
import type { KubeObject } from '../../../../src/sim/api/meta';
import type { EndpointSlice, PodDisruptionBudget, StorageClass } from '../../../../src/sim/api/other';
import { buildTable, printTable, TabWriter, WatchPrinter } from '../../../../src/sim/kubectl/printers';
import { newApi, options, pod, running, ts } from './fixtures';

const api = newApi();
const now = 300_000;
const meta = (name: string, namespace?: string) => ({ name, namespace, uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: ts(0) });

const sts: StatefulSet = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: meta('web', 'default'),
  spec: { replicas: 3, selector: { matchLabels: { app: 'nginx' } }, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
  status: { replicas: 3, readyReplicas: 2 },
};
const svc: Service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: meta('nginx', 'default'),
  spec: { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], selector: { app: 'nginx' }, ports: [{ name: 'web', port: 80, protocol: 'TCP', targetPort: 80 }] },
};
const np: Service = { ...svc, metadata: meta('web-np', 'default'), spec: { type: 'NodePort', clusterIP: '10.96.120.7', clusterIPs: ['10.96.120.7'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] } };
const pvcPending: PersistentVolumeClaim = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: meta('data', 'default'),
  spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard', volumeMode: 'Filesystem', resources: { requests: { storage: '1Gi' } } },
  status: { phase: 'Pending' },
};
const pvcBound: PersistentVolumeClaim = {
  ...pvcPending,
  metadata: meta('www-web-0', 'default'),
  spec: { ...pvcPending.spec, volumeName: 'pvc-5c1e' },
  status: { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce'] },
};
const pv: PersistentVolume = {
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: meta('pvc-5c1e'),
  spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'standard', claimRef: { namespace: 'default', name: 'www-web-0' } },
  status: { phase: 'Bound' },
};
const node: Node = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { ...meta('control-plane'), labels: { 'node-role.kubernetes.io/control-plane': '' } },
  spec: { unschedulable: true },
  status: {
    conditions: [{ type: 'Ready', status: 'True' }],
    addresses: [{ type: 'InternalIP', address: '172.18.0.2' }],
    capacity: {},
    allocatable: {},
    nodeInfo: { kubeletVersion: 'v1.35.0', osImage: 'Debian GNU/Linux 12 (bookworm)', kernelVersion: '6.8.0', containerRuntimeVersion: 'containerd://2.1.3', operatingSystem: 'linux', architecture: 'amd64' },
  },
};
const slice: EndpointSlice = {
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: meta('nginx-7x2kq', 'default'),
  addressType: 'IPv4',
  ports: [{ name: 'web', port: 80, protocol: 'TCP' }],
  endpoints: ['10.244.1.5', '10.244.2.3', '10.244.1.7', '10.244.2.9'].map((ip, i) => ({ addresses: [ip], conditions: { ready: i !== 3 } })),
};
const sc: StorageClass = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { ...meta('standard'), annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
  provisioner: 'rancher.io/local-path',
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'WaitForFirstConsumer',
};
const cr: ControllerRevision = {
  apiVersion: 'apps/v1',
  kind: 'ControllerRevision',
  metadata: { ...meta('web-6d4cf56db6', 'default'), ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'uid-web', controller: true }] },
  data: {},
  revision: 1,
};
const pdb: PodDisruptionBudget = { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: meta('web-pdb', 'default'), spec: { minAvailable: 2 }, status: { currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1, expectedPods: 3 } };
const event: Event = {
  apiVersion: 'v1',
  kind: 'Event',
  metadata: meta('web-0.1', 'default'),
  involvedObject: { kind: 'Pod', name: 'web-0', namespace: 'default', fieldPath: 'spec.containers{nginx}' },
  reason: 'Pulled',
  message: ' Container image "nginx:1.27" already present on machine ',
  source: { component: 'kubelet', host: 'node-1' },
  firstTimestamp: ts(100),
  lastTimestamp: ts(280),
  count: 3,
  type: 'Normal',
};

const runningPod = pod('web-0', { phase: 'Running', podIP: '10.244.1.5', podIPs: [{ ip: '10.244.1.5' }], containerStatuses: [running('nginx', true)] });
runningPod.spec.nodeName = 'node-1';

describe('get columns per kind', () => {
  it.each<[string, KubeObject, string[], string[]]>([
    ['Pod', runningPod, ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], ['web-0', '1/1', 'Running', '0', '5m']],
    ['StatefulSet', sts, ['NAME', 'READY', 'AGE'], ['web', '2/3', '5m']],
    ['Service', svc, ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'], ['nginx', 'ClusterIP', 'None', '<none>', '80/TCP', '5m']],
    ['Service', np, ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'], ['web-np', 'NodePort', '10.96.120.7', '<none>', '80:30080/TCP', '5m']],
    [
      'PersistentVolumeClaim',
      pvcPending,
      ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE'],
      ['data', 'Pending', '', '', '', 'standard', '<unset>', '5m'],
    ],
    ['PersistentVolumeClaim', pvcBound, ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE'], ['www-web-0', 'Bound', 'pvc-5c1e', '1Gi', 'RWO,RWX', 'standard', '<unset>', '5m']],
    [
      'PersistentVolume',
      pv,
      ['NAME', 'CAPACITY', 'ACCESS MODES', 'RECLAIM POLICY', 'STATUS', 'CLAIM', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'REASON', 'AGE'],
      ['pvc-5c1e', '1Gi', 'RWO', 'Delete', 'Bound', 'default/www-web-0', 'standard', '<unset>', '', '5m'],
    ],
    ['Node', node, ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'], ['control-plane', 'Ready,SchedulingDisabled', 'control-plane', '5m', 'v1.35.0']],
    ['EndpointSlice', slice, ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'], ['nginx-7x2kq', 'IPv4', '80', '10.244.1.5,10.244.2.3,10.244.1.7 + 1 more...', '5m']],
    ['StorageClass', sc, ['NAME', 'PROVISIONER', 'RECLAIMPOLICY', 'VOLUMEBINDINGMODE', 'ALLOWVOLUMEEXPANSION', 'AGE'], ['standard (default)', 'rancher.io/local-path', 'Delete', 'WaitForFirstConsumer', 'false', '5m']],
    ['ControllerRevision', cr, ['NAME', 'CONTROLLER', 'REVISION', 'AGE'], ['web-6d4cf56db6', 'statefulset.apps/web', '1', '5m']],
    ['PodDisruptionBudget', pdb, ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE'], ['web-pdb', '2', 'N/A', '1', '5m']],
    ['Event', event, ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'], ['20s', 'Normal', 'Pulled', 'pod/web-0', 'Container image "nginx:1.27" already present on machine']],
  ])('%s', (kind, obj, header, row) => {
    expect(buildTable(kind, [obj], options(api, now))).toEqual({ header, rows: [row] });
  });

  it('puts wide columns where the server defines them (events: SUBOBJECT and SOURCE before MESSAGE)', () => {
    const t = buildTable('Event', [event], options(api, now, { wide: true }));
    expect(t.header).toEqual(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME']);
    expect(t.rows[0]).toEqual(['20s', 'Normal', 'Pulled', 'pod/web-0', 'spec.containers{nginx}', 'kubelet, node-1', 'Container image "nginx:1.27" already present on machine', '3m20s', '3', 'web-0.1']);
  });

  it('adds the pod wide cells, NAMESPACE, the kind prefix and label columns', () => {
    const labelled = { ...runningPod, metadata: { ...runningPod.metadata, labels: { app: 'nginx', 'apps.kubernetes.io/pod-index': '0' } } };
    const t = buildTable('Pod', [labelled], options(api, now, { wide: true, withNamespace: true, withKind: true, labelColumns: ['apps.kubernetes.io/pod-index'], showLabels: true }));
    expect(t.header).toEqual(['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES', 'POD-INDEX', 'LABELS']);
    expect(t.rows[0]).toEqual(['default', 'pod/web-0', '1/1', 'Running', '0', '5m', '10.244.1.5', 'node-1', '<none>', '<none>', '0', 'app=nginx,apps.kubernetes.io/pod-index=0']);
  });
});

describe('tabwriter alignment', () => {
  it('pads every column but the last to max(6, widest + 3)', () => {
    const creating = pod('web-1', { containerStatuses: [{ name: 'nginx', state: { waiting: { reason: 'ContainerCreating' } }, lastState: {}, ready: false, restartCount: 0, image: '', imageID: '' }] }, 290);
    expect(printTable('Pod', [runningPod, creating], options(api, now))).toBe(
      ['NAME    READY   STATUS              RESTARTS   AGE', 'web-0   1/1     Running             0          5m', 'web-1   0/1     ContainerCreating   0          10s', ''].join('\n'),
    );
  });

  it('keeps the padding of an empty last-but-one cell and prints nothing for no rows', () => {
    expect(printTable('Pod', [], options(api, now))).toBe('');
    const w = new TabWriter({ minWidth: 6, padding: 3 });
    w.write('A\tB\nab\t\n');
    expect(w.flush()).toBe('A     B\nab    \n');
  });

  it('ends describe column blocks at lines without a tab (minwidth 0, padding 2)', () => {
    const w = new TabWriter({ minWidth: 0, padding: 2 });
    w.write('Name:\tweb-0\nIPs:\n  IP:\t10.244.1.5\nControlled By:\tStatefulSet/web\nContainers:\n');
    expect(w.flush()).toBe('Name:  web-0\nIPs:\n  IP:           10.244.1.5\nControlled By:  StatefulSet/web\nContainers:\n');
  });
});

describe('WatchPrinter', () => {
  it('prints the header once and keeps widths, growing a column for a longer value from then on', () => {
    const watch = new WatchPrinter('Pod', options(api, 10_000));
    const ready = { ...runningPod, metadata: { ...runningPod.metadata, creationTimestamp: ts(0) } };
    expect(watch.print([ready], 10_000)).toBe('NAME    READY   STATUS    RESTARTS   AGE\nweb-0   1/1     Running   0          10s\n');
    const terminating = { ...ready, metadata: { ...ready.metadata, deletionTimestamp: ts(40) } };
    expect(watch.print([terminating], 40_000)).toBe('web-0   1/1     Terminating   0          40s\n');
    const recreated = pod('web-0', {}, 42);
    expect(watch.print([recreated], 42_000)).toBe('web-0   0/1     Pending       0          0s\n');
  });

  it('prints nothing for an empty initial list, then the header with the first row', () => {
    const watch = new WatchPrinter('Pod', options(api, 0));
    expect(watch.print([], 0)).toBe('');
    expect(watch.print([pod('web-0')], 0)).toBe('NAME    READY   STATUS    RESTARTS   AGE\nweb-0   0/1     Pending   0          0s\n');
  });

  it('adds the EVENT column with 8-character cells for --output-watch-events', () => {
    const watch = new WatchPrinter('Pod', options(api, 0));
    expect(watch.print([pod('web-0')], 0, 'ADDED')).toBe('EVENT      NAME    READY   STATUS    RESTARTS   AGE\nADDED      web-0   0/1     Pending   0          0s\n');
    expect(watch.print([pod('web-0')], 0, 'DELETED')).toBe('DELETED    web-0   0/1     Pending   0          0s\n');
  });
});
