import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../src/sim/api/apps';
import type {
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  PodStatus,
  Service,
} from '../../src/sim/api/core';
import type { OwnerReference } from '../../src/sim/api/meta';
import { Cluster } from '../../src/sim/cluster';
import { podCells } from '../../src/sim/kubectl/printers/podStatus';
import { CSI_DRIVER, DEFAULT_NODES } from '../../src/sim/scenarios/bootstrap';
import { startScenario } from '../../src/sim/scenarios';
import { SNAPSHOT_EVENT_LIMIT, buildSnapshot } from '../../src/sim/snapshot';

const meta = { uid: '', resourceVersion: '', creationTimestamp: '' };
const container = { name: 'mysql', image: 'mysql:8.0' };

/** A cluster whose controllers never run: the test writes every object and status itself. */
function quietCluster(): Cluster {
  return new Cluster({ seed: 1, nodes: DEFAULT_NODES });
}

function ownerRef(obj: {
  apiVersion: string;
  kind: string;
  metadata: { name: string; uid: string };
}): OwnerReference {
  return {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name: obj.metadata.name,
    uid: obj.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

function createPod(
  cluster: Cluster,
  name: string,
  extra: Partial<Pod['metadata']> = {},
  spec: Partial<Pod['spec']> = {},
): Pod {
  return cluster.api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...meta, name, namespace: 'default', ...extra },
    spec: { containers: [container], ...spec },
    status: { phase: 'Pending' },
  });
}

function setStatus(cluster: Cluster, name: string, status: Partial<PodStatus>): Pod {
  return cluster.api.mutate<Pod>(
    'Pod',
    'default',
    name,
    (p) => {
      Object.assign(p.status, status);
    },
    { subresource: 'status' },
  )!;
}

const runningReady: Partial<PodStatus> = {
  phase: 'Running',
  podIP: '10.244.1.7',
  conditions: [{ type: 'Ready', status: 'True' }],
  containerStatuses: [
    {
      name: 'mysql',
      state: { running: { startedAt: '2026-01-01T09:00:00Z' } },
      lastState: {},
      ready: true,
      restartCount: 0,
      image: 'mysql:8.0',
      imageID: '',
      started: true,
    },
  ],
};

describe('buildSnapshot', () => {
  it('shows the bootstrapped nodes with their zones and the built-in Services', () => {
    const snap = buildSnapshot(quietCluster());
    expect(snap.time).toBe(0);
    expect(snap.pods).toEqual([]);
    expect(snap.nodes.map((n) => [n.name, n.zone, n.status, n.isReady, n.isUnschedulable])).toEqual([
      ['node-1', 'zone-a', 'Ready', true, false],
      ['node-2', 'zone-a', 'Ready', true, false],
      ['node-3', 'zone-b', 'Ready', true, false],
      ['node-4', 'zone-b', 'Ready', true, false],
    ]);
    expect(snap.services.map((s) => [s.namespace, s.name, s.clusterIP, s.isHeadless, s.ports])).toEqual([
      ['default', 'kubernetes', '10.96.0.1', false, ['443/TCP']],
      ['kube-system', 'kube-dns', '10.96.0.10', false, ['53/UDP', '53/TCP', '9153/TCP']],
    ]);
  });

  it('says SchedulingDisabled for a cordoned node, as kubectl get nodes does', () => {
    const cluster = quietCluster();
    cluster.api.mutate<Node>('Node', undefined, 'node-2', (n) => {
      n.spec.unschedulable = true;
    });
    const node = buildSnapshot(cluster).nodes.find((n) => n.name === 'node-2')!;
    expect(node.status).toBe('Ready,SchedulingDisabled');
    expect(node.isUnschedulable).toBe(true);
  });

  it('names the direct owner and the workload: a ReplicaSet pod belongs to its Deployment', () => {
    const cluster = quietCluster();
    const selector = { matchLabels: { app: 'web' } };
    const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [container] } };
    const deploy = cluster.api.create<Deployment>({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { ...meta, name: 'web', namespace: 'default' },
      spec: { selector, template },
    });
    const rs = cluster.api.create<ReplicaSet>({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        ...meta,
        name: 'web-6d4cf56db6',
        namespace: 'default',
        ownerReferences: [ownerRef(deploy)],
      },
      spec: { replicas: 1, selector, template },
    });
    createPod(cluster, 'web-6d4cf56db6-x4k2p', { labels: { app: 'web' }, ownerReferences: [ownerRef(rs)] });
    createPod(cluster, 'bare');
    const [bare, owned] = buildSnapshot(cluster).pods;
    expect([owned!.ownerKind, owned!.ownerName, owned!.workloadKind, owned!.workloadName]).toEqual([
      'ReplicaSet',
      'web-6d4cf56db6',
      'Deployment',
      'web',
    ]);
    expect([bare!.ownerKind, bare!.workloadKind]).toEqual([null, null]);
    expect(buildSnapshot(cluster).workloads).toEqual([
      {
        kind: 'Deployment',
        name: 'web',
        namespace: 'default',
        uid: deploy.metadata.uid,
        replicas: 1,
        readyReplicas: 0,
      },
    ]);
  });

  it.each<[string, Partial<PodStatus>, string, boolean]>([
    ['unscheduled', {}, 'Pending', false],
    [
      'creating',
      {
        phase: 'Pending',
        containerStatuses: [
          {
            name: 'mysql',
            state: { waiting: { reason: 'ContainerCreating' } },
            lastState: {},
            ready: false,
            restartCount: 0,
            image: 'mysql:8.0',
            imageID: '',
          },
        ],
      },
      'ContainerCreating',
      false,
    ],
    ['running and ready', runningReady, 'Running', true],
  ])('carries the kubectl STATUS word of a %s pod', (_label, status, expected, isReady) => {
    const cluster = quietCluster();
    createPod(cluster, 'mysql-0');
    const pod = setStatus(cluster, 'mysql-0', status);
    const snap = buildSnapshot(cluster).pods[0]!;
    const cells = podCells(pod, 0);
    expect(snap.status).toBe(expected);
    expect([snap.status, snap.ready, snap.restarts]).toEqual([cells.status, cells.ready, cells.restarts]);
    expect(snap.isReady).toBe(isReady);
    expect(snap.ip).toBe(status.podIP ?? null);
  });

  it('shows Terminating once a pod has a deletionTimestamp', () => {
    const cluster = quietCluster();
    createPod(cluster, 'mysql-0', {}, { nodeName: 'node-1' });
    setStatus(cluster, 'mysql-0', runningReady);
    cluster.api.delete('Pod', 'default', 'mysql-0', { gracePeriodSeconds: 10 });
    const pod = buildSnapshot(cluster).pods[0]!;
    expect([pod.status, pod.isTerminating]).toEqual(['Terminating', true]);
  });

  it('links pods, claims and volumes, with the selected node and the volume zone', () => {
    const cluster = quietCluster();
    createPod(
      cluster,
      'mysql-0',
      {},
      {
        volumes: [
          { name: 'data', persistentVolumeClaim: { claimName: 'data-mysql-0' } },
          { name: 'tmp', emptyDir: {} },
        ],
      },
    );
    cluster.api.create<PersistentVolumeClaim>({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        ...meta,
        name: 'data-mysql-0',
        namespace: 'default',
        annotations: { 'volume.kubernetes.io/selected-node': 'node-3' },
      },
      spec: {
        accessModes: ['ReadWriteOnce'],
        storageClassName: 'standard',
        resources: { requests: { storage: '1Gi' } },
      },
      status: { phase: 'Pending' },
    });
    cluster.api.create<PersistentVolume>({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { ...meta, name: 'pvc-1' },
      spec: {
        capacity: { storage: '1Gi' },
        accessModes: ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: 'standard',
        claimRef: { namespace: 'default', name: 'data-mysql-0' },
        csi: { driver: CSI_DRIVER, volumeHandle: 'h' },
        nodeAffinity: {
          required: {
            nodeSelectorTerms: [
              {
                matchExpressions: [
                  { key: 'topology.kubernetes.io/zone', operator: 'In', values: ['zone-b'] },
                ],
              },
            ],
          },
        },
      },
      status: {},
    });
    cluster.api.mutate<PersistentVolume>(
      'PersistentVolume',
      undefined,
      'pvc-1',
      (pv) => {
        pv.status.phase = 'Bound';
      },
      { subresource: 'status' },
    );
    const snap = buildSnapshot(cluster);
    expect(snap.pods[0]!.claimNames).toEqual(['data-mysql-0']);
    expect(snap.pvcs).toEqual([
      expect.objectContaining({
        name: 'data-mysql-0',
        phase: 'Pending',
        volumeName: null,
        request: '1Gi',
        accessModes: ['ReadWriteOnce'],
        selectedNode: 'node-3',
        storageClassName: 'standard',
      }),
    ]);
    expect(snap.pvs).toEqual([
      expect.objectContaining({
        name: 'pvc-1',
        phase: 'Bound',
        claim: 'default/data-mysql-0',
        capacity: '1Gi',
        reclaimPolicy: 'Delete',
        zone: 'zone-b',
      }),
    ]);
  });

  it('marks a headless Service', () => {
    const cluster = quietCluster();
    cluster.api.create<Service>({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { ...meta, name: 'mysql', namespace: 'default' },
      spec: { clusterIP: 'None', selector: { app: 'mysql' }, ports: [{ port: 3306 }] },
    });
    const svc = buildSnapshot(cluster).services.find((s) => s.name === 'mysql')!;
    expect([svc.clusterIP, svc.isHeadless, svc.selector, svc.ports]).toEqual([
      'None',
      true,
      { app: 'mysql' },
      ['3306/TCP'],
    ]);
  });

  it(`keeps the newest ${SNAPSHOT_EVENT_LIMIT} Events, oldest first`, () => {
    const cluster = quietCluster();
    const pod = createPod(cluster, 'mysql-0');
    // Later than the cluster's own start-up events (RegisteredNode), so the newest ones are all ours.
    cluster.advance(1_000);
    for (let i = 0; i < SNAPSHOT_EVENT_LIMIT + 5; i++) {
      cluster.ctx.recorder.record(pod, 'Normal', 'Pulled', `message ${i}`, {
        component: 'kubelet',
        host: 'node-1',
      });
    }
    const events = buildSnapshot(cluster).events;
    expect(events).toHaveLength(SNAPSHOT_EVENT_LIMIT);
    expect(events[0]).toMatchObject({
      message: 'message 5',
      object: 'pod/mysql-0',
      involvedUid: pod.metadata.uid,
      source: 'kubelet',
      count: 1,
      type: 'Normal',
    });
    expect(events.at(-1)!.message).toBe(`message ${SNAPSHOT_EVENT_LIMIT + 4}`);
  });

  it('is plain JSON and reads without writing', () => {
    const { cluster } = startScenario('compare', 3);
    const rv = cluster.api.currentResourceVersion();
    const snap = buildSnapshot(cluster);
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    expect(cluster.api.currentResourceVersion()).toBe(rv);
    expect(buildSnapshot(cluster)).toEqual(snap);
  });

  it('is the same for the same scenario, seed and time', () => {
    const a = startScenario('compare', 42).cluster;
    const b = startScenario('compare', 42).cluster;
    a.advance(5_000);
    b.advance(5_000);
    expect(JSON.stringify(buildSnapshot(a))).toBe(JSON.stringify(buildSnapshot(b)));
  });

  it('shows the compare scenario: StatefulSet pods with their claims beside the Deployment pods', () => {
    const snap = buildSnapshot(startScenario('compare', 1).cluster);
    const sts = snap.pods.filter((p) => p.workloadKind === 'StatefulSet');
    const deploy = snap.pods.filter((p) => p.workloadKind === 'Deployment');
    expect(sts.map((p) => [p.name, p.ownerKind, p.workloadName, p.claimNames])).toEqual([
      ['mysql-0', 'StatefulSet', 'mysql', ['data-mysql-0']],
      ['mysql-1', 'StatefulSet', 'mysql', ['data-mysql-1']],
      ['mysql-2', 'StatefulSet', 'mysql', ['data-mysql-2']],
    ]);
    expect(deploy).toHaveLength(3);
    for (const p of deploy)
      expect([p.ownerKind, p.workloadName, p.claimNames]).toEqual(['ReplicaSet', 'mysql-deploy', []]);
    expect(snap.time).toBe(60_000);
  });
});
