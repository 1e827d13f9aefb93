import { describe, expect, it } from 'vitest';
import type { Event, Node, PersistentVolume, PersistentVolumeClaim, Pod } from '../../../src/sim/api/core';
import type { StorageClass } from '../../../src/sim/api/other';
import { provisionedNodeAffinity, volumeNodeAffinityMatches } from '../../../src/sim/controllers/persistentvolume/topology';
import { pvVolumeId } from '../../../src/sim/storage/files';
import { shell } from './support';

function claimAndPod(claim: string, pod: string, storageClass: string, extra = ''): string {
  return `kubectl apply -f - <<EOF
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${claim}
spec:
  storageClassName: ${storageClass}
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 1Gi
${extra}---
apiVersion: v1
kind: Pod
metadata:
  name: ${pod}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "infinity"]
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: ${claim}
EOF`;
}

const SNAPSHOT = `kubectl apply -f - <<EOF
apiVersion: snapshot.storage.k8s.io/v1
kind: VolumeSnapshot
metadata:
  name: data-snap
spec:
  source:
    persistentVolumeClaimName: data
EOF`;

const RESTORE_SOURCE = `  dataSource:
    kind: VolumeSnapshot
    apiGroup: snapshot.storage.k8s.io
    name: data-snap
`;

describe('StorageClass replicated', () => {
  const s = shell('empty');
  const nodes = s.cluster.api.list<Node>('Node');
  const sc = (name: string) => s.cluster.api.get<StorageClass>('StorageClass', undefined, name)!;

  it('is bootstrapped beside standard, WaitForFirstConsumer, type replicated', () => {
    expect(sc('replicated')).toMatchObject({ provisioner: 'csi.playground.k8s.io', volumeBindingMode: 'WaitForFirstConsumer', parameters: { type: 'replicated' } });
  });

  it.each([
    ['standard', 'topology.kubernetes.io/zone', 'zone-a'],
    ['replicated', 'topology.kubernetes.io/region', 'region-1'],
  ])('%s volumes get node affinity on %s', (name, key, value) => {
    expect(provisionedNodeAffinity(sc(name), 'zone-a', nodes)).toEqual({
      required: { nodeSelectorTerms: [{ matchExpressions: [{ key, operator: 'In', values: [value] }] }] },
    });
  });

  it('a replicated volume survives a zone outage and is attached in the other zone with its files', () => {
    const t = shell('empty');
    t.run(claimAndPod('data', 'writer', 'replicated'));
    t.run('sleep 20');
    t.run('kubectl exec writer -- sh -c "echo kept > /data/file"');
    const writer = t.cluster.api.get<Pod>('Pod', 'default', 'writer')!;
    const zoneOf = (node: string) => t.cluster.api.get<Node>('Node', undefined, node)!.metadata.labels!['topology.kubernetes.io/zone'];
    const lostZone = zoneOf(writer.spec.nodeName!);
    const pv = t.cluster.api.get<PersistentVolume>('PersistentVolume', undefined, t.cluster.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'data')!.spec.volumeName!)!;
    expect(pv.metadata.annotations?.['playground.k8s.io/write-latency-ms']).toBe('4');
    // The zone goes away: its nodes are cordoned and the pod is deleted.
    for (const n of t.cluster.api.list<Node>('Node')) if (zoneOf(n.metadata.name) === lostZone) t.run(`kubectl cordon ${n.metadata.name}`);
    t.run('kubectl delete pod writer');
    t.run(claimAndPod('data', 'reader', 'replicated'));
    t.run('sleep 30');
    const reader = t.cluster.api.get<Pod>('Pod', 'default', 'reader')!;
    expect(reader.status.phase).toBe('Running');
    expect(zoneOf(reader.spec.nodeName!)).not.toBe(lostZone);
    const node = t.cluster.api.get<Node>('Node', undefined, reader.spec.nodeName!)!;
    expect(volumeNodeAffinityMatches(pv, node)).toBe(true);
    expect(node.status.volumesAttached?.map((v) => v.name)).toContain(`kubernetes.io/csi/csi.playground.k8s.io^${pv.metadata.name}`);
    expect(t.run('kubectl exec reader -- cat /data/file')).toBe('kept\n');
  });

  it('a zonal volume cannot follow its pod to the other zone', () => {
    const t = shell('empty');
    t.run(claimAndPod('data', 'writer', 'standard'));
    t.run('sleep 20');
    const zoneOf = (node: string) => t.cluster.api.get<Node>('Node', undefined, node)!.metadata.labels!['topology.kubernetes.io/zone'];
    const lostZone = zoneOf(t.cluster.api.get<Pod>('Pod', 'default', 'writer')!.spec.nodeName!);
    for (const n of t.cluster.api.list<Node>('Node')) if (zoneOf(n.metadata.name) === lostZone) t.run(`kubectl cordon ${n.metadata.name}`);
    t.run('kubectl delete pod writer');
    t.run(claimAndPod('data', 'reader', 'standard'));
    t.run('sleep 30');
    const reader = t.cluster.api.get<Pod>('Pod', 'default', 'reader')!;
    expect(reader.spec.nodeName).toBeUndefined();
    expect(t.run('kubectl get pod reader')).toContain('Pending');
  });
});

describe('VolumeSnapshot backup and restore', () => {
  it('cuts the files at that instant, becomes ready, and restores them into a new claim', () => {
    const s = shell('empty');
    s.run(claimAndPod('data', 'app', 'standard'));
    s.run('sleep 20');
    s.run('kubectl exec app -- sh -c "echo v1 > /data/file"');
    expect(s.run(SNAPSHOT)).toBe('volumesnapshot.snapshot.storage.k8s.io/data-snap created\n');
    const get = s.run('kubectl get volumesnapshot');
    expect(get.split('\n')[0]!.split(/\s+/)).toEqual(['NAME', 'READYTOUSE', 'SOURCEPVC', 'SOURCESNAPSHOTCONTENT', 'RESTORESIZE', 'SNAPSHOTCLASS', 'SNAPSHOTCONTENT', 'CREATIONTIME', 'AGE']);
    expect(get.split('\n')[1]).toMatch(/^data-snap\s+false\s+data\s+csi-playground-snapclass\s+snapcontent-\S+\s+0s$/);
    s.run('sleep 2');
    expect(s.run('kubectl get volumesnapshot').split('\n')[1]).toMatch(/^data-snap\s+true\s+data\s+1Gi\s+csi-playground-snapclass\s+snapcontent-\S+\s+\d+s\s+\d+s$/);
    // Later writes and even losing the volume do not change the snapshot.
    s.run('kubectl exec app -- sh -c "echo v2 > /data/file"');
    s.run('kubectl delete pod app');
    s.run('kubectl delete pvc data');
    s.run('sleep 10');
    expect(s.cluster.api.list<PersistentVolume>('PersistentVolume')).toEqual([]);
    s.run(claimAndPod('restored', 'app2', 'standard', RESTORE_SOURCE));
    s.run('sleep 20');
    expect(s.run('kubectl exec app2 -- cat /data/file')).toBe('v1\n');
    const events = s.cluster.api
      .list<Event>('Event', 'default')
      .filter((e) => e.involvedObject.kind === 'VolumeSnapshot')
      .map((e) => `${e.source.component} ${e.reason}: ${e.message}`);
    expect(events).toEqual([
      'snapshot-controller CreatingSnapshot: Waiting for a snapshot default/data-snap to be created by the CSI driver.',
      'snapshot-controller SnapshotCreated: Snapshot default/data-snap was successfully created by the CSI driver.',
      'snapshot-controller SnapshotReady: Snapshot default/data-snap is ready to use.',
    ]);
  });

  it('waits for the snapshot before provisioning, and deleting the snapshot drops its content', () => {
    const s = shell('empty');
    s.run(claimAndPod('data', 'app', 'standard'));
    s.run('sleep 20');
    s.run(claimAndPod('restored', 'app2', 'standard', RESTORE_SOURCE));
    s.run('sleep 10');
    expect(s.run('kubectl describe pvc restored')).toContain(
      'error getting handle for DataSource Type VolumeSnapshot by Name data-snap: error getting snapshot data-snap from api server: volumesnapshots.snapshot.storage.k8s.io "data-snap" not found',
    );
    s.run(SNAPSHOT);
    s.run('sleep 10');
    expect(s.cluster.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'restored')!.status.phase).toBe('Bound');
    const content = s.cluster.api.list('VolumeSnapshotContent')[0]!;
    expect(s.cluster.ctx.files.has(`snapshot:${content.metadata.name}`)).toBe(true);
    s.run('kubectl delete volumesnapshot data-snap');
    expect(s.cluster.api.list('VolumeSnapshotContent')).toEqual([]);
    expect(s.cluster.ctx.files.has(`snapshot:${content.metadata.name}`)).toBe(false);
    expect(s.cluster.ctx.files.has(pvVolumeId(s.cluster.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'restored')!.spec.volumeName!))).toBe(true);
  });
});
