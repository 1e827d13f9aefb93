import { describe, expect, it } from 'vitest';
import type { Node, PersistentVolume } from '../../../src/sim/api/core';
import type { StorageClass } from '../../../src/sim/api/other';
import { MAX_WAIT_FOR_UNMOUNT_MS } from '../../../src/sim/controllers/attachdetach/attachDetachController';
import { stopKubeletOn } from '../../../src/sim/kubelet/kubelet';
import { pvVolumeId } from '../../../src/sim/storage/files';
import { claim, createClaim, createPod, eventsFor, lastMessage, newCluster, node, pod } from '../scheduler/helpers';

const attachedNames = (n: Node) => (n.status.volumesAttached ?? []).map((v) => v.name);

describe('WaitForFirstConsumer provisioning', () => {
  it('goes pod Pending -> PVC annotated -> PV pvc-<uid> in the node zone -> Bound -> pod bound', () => {
    const c = newCluster(4);
    const pvc = createClaim(c, 'www-web-0');
    createPod(c, 'web-0', { claims: ['www-web-0'] });
    c.settle();
    const selected = claim(c, 'www-web-0')!.metadata.annotations?.['volume.kubernetes.io/selected-node'];
    expect(selected).toMatch(/^node-\d$/);
    expect(pod(c, 'web-0')!.spec.nodeName).toBeUndefined();
    expect(pod(c, 'web-0')!.status.phase).toBe('Pending');
    expect(claim(c, 'www-web-0')!.status.phase).toBe('Pending');

    c.advanceUntil(() => !!pod(c, 'web-0')?.spec.nodeName, 10_000);
    const pvName = `pvc-${pvc.metadata.uid}`;
    const pv = c.api.get<PersistentVolume>('PersistentVolume', undefined, pvName)!;
    const zone = node(c, selected!).metadata.labels!['topology.kubernetes.io/zone'];
    expect(pv.spec.nodeAffinity?.required?.nodeSelectorTerms[0]?.matchExpressions).toEqual([{ key: 'topology.kubernetes.io/zone', operator: 'In', values: [zone] }]);
    expect(pv.spec.csi).toMatchObject({ driver: 'csi.playground.k8s.io', volumeHandle: pvName });
    expect(pv.spec.claimRef).toMatchObject({ namespace: 'default', name: 'www-web-0', uid: pvc.metadata.uid });
    expect(pv.spec.persistentVolumeReclaimPolicy).toBe('Delete');
    expect(pv.status.phase).toBe('Bound');
    expect(claim(c, 'www-web-0')).toMatchObject({
      spec: { volumeName: pvName },
      status: { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'] },
      metadata: { annotations: { 'pv.kubernetes.io/bind-completed': 'yes', 'volume.kubernetes.io/storage-provisioner': 'csi.playground.k8s.io' } },
    });
    expect(pod(c, 'web-0')!.spec.nodeName).toBe(selected);
    expect(c.ctx.files.has(pvVolumeId(pvName))).toBe(true);

    const claimEvents = eventsFor(c, 'PersistentVolumeClaim', 'www-web-0').map((e) => [e.source.component.split('_')[0], e.reason, e.message]);
    expect(claimEvents).toEqual([
      ['persistentvolume-controller', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding'],
      ['persistentvolume-controller', 'ExternalProvisioning', "Waiting for a volume to be created either by the external provisioner 'csi.playground.k8s.io' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered."],
      ['csi.playground.k8s.io', 'Provisioning', 'External provisioner is provisioning volume for claim "default/www-web-0"'],
      ['csi.playground.k8s.io', 'ProvisioningSucceeded', `Successfully provisioned volume ${pvName}`],
    ]);
    expect(lastMessage(c, 'Pod', 'web-0', 'Scheduled')).toBe(`Successfully assigned default/web-0 to ${selected}`);
  });

  it('provisions only in zones the class allows', () => {
    const c = newCluster(4);
    c.api.create<StorageClass>({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'zone-b-only', uid: '', resourceVersion: '', creationTimestamp: '' },
      provisioner: 'csi.playground.k8s.io',
      volumeBindingMode: 'WaitForFirstConsumer',
      allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['zone-b'] }] }],
    });
    createClaim(c, 'data', { storageClassName: 'zone-b-only' });
    createPod(c, 'p', { claims: ['data'], spec: { nodeSelector: { 'topology.kubernetes.io/zone': 'zone-a' } } });
    c.settle();
    expect(lastMessage(c, 'Pod', 'p', 'FailedScheduling')).toBe(
      "0/4 nodes are available: 2 node(s) didn't find available persistent volumes to bind, 2 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
    );
  });
});

describe('protection and reclaim', () => {
  function runningPodWithClaim(seed: number) {
    const c = newCluster(seed);
    const pvc = createClaim(c, 'data');
    createPod(c, 'p', { claims: ['data'] });
    c.advanceUntil(() => pod(c, 'p')?.status.phase === 'Running', 30_000);
    return { c, pvName: `pvc-${pvc.metadata.uid}` };
  }

  it('keeps a used PVC Terminating until its pod is gone; reclaim Delete then removes the PV and its files', () => {
    const { c, pvName } = runningPodWithClaim(6);
    c.ctx.files.write(pvVolumeId(pvName), 'index.html', 'hello');
    c.api.delete('PersistentVolumeClaim', 'default', 'data');
    c.advance(5_000);
    expect(claim(c, 'data')?.metadata.deletionTimestamp).toBeDefined();
    expect(claim(c, 'data')?.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    c.api.delete('Pod', 'default', 'p');
    c.advanceUntil(() => !claim(c, 'data'), 60_000);
    expect(claim(c, 'data')).toBeUndefined();
    c.settle();
    expect(c.api.get<PersistentVolume>('PersistentVolume', undefined, pvName)?.status.phase).toBe('Released');
    expect(c.advanceUntil(() => !c.api.get('PersistentVolume', undefined, pvName), 10_000)).toBe(true);
    expect(c.ctx.files.has(pvVolumeId(pvName))).toBe(false);
  });

  it('reclaim Retain keeps a Released PV and its files', () => {
    const c = newCluster(6);
    c.api.create<StorageClass>({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'keep', uid: '', resourceVersion: '', creationTimestamp: '' },
      provisioner: 'csi.playground.k8s.io',
      reclaimPolicy: 'Retain',
      volumeBindingMode: 'Immediate',
    });
    const pvc = createClaim(c, 'data', { storageClassName: 'keep' });
    c.advanceUntil(() => claim(c, 'data')?.status.phase === 'Bound', 10_000);
    const pvName = `pvc-${pvc.metadata.uid}`;
    c.ctx.files.write(pvVolumeId(pvName), 'x', 'y');
    c.api.delete('PersistentVolumeClaim', 'default', 'data');
    c.advance(30_000);
    const pv = c.api.get<PersistentVolume>('PersistentVolume', undefined, pvName);
    expect(pv?.status.phase).toBe('Released');
    expect(c.ctx.files.read(pvVolumeId(pvName), 'x')).toBe('y');
  });
});

describe('attach/detach', () => {
  it('attaches after attachMs, reports Multi-Attach for a ReadWriteOnce volume on a second node, and detaches after unmount', () => {
    const c = newCluster(8);
    const pvc = createClaim(c, 'data');
    createPod(c, 'a', { claims: ['data'], spec: { nodeSelector: { 'kubernetes.io/hostname': 'node-1' } } });
    c.advanceUntil(() => !!pod(c, 'a')?.spec.nodeName, 10_000);
    const pvName = `pvc-${pvc.metadata.uid}`;
    const unique = `kubernetes.io/csi/csi.playground.k8s.io^${pvName}`;
    const boundAt = c.now();
    expect(attachedNames(node(c, 'node-1'))).toEqual([]);
    c.advanceUntil(() => attachedNames(node(c, 'node-1')).includes(unique), 5_000);
    expect(c.now() - boundAt).toBeGreaterThanOrEqual(c.ctx.timings.attachMs * (1 - c.ctx.timings.jitter));
    expect(lastMessage(c, 'Pod', 'a', 'SuccessfulAttachVolume')).toBe(`AttachVolume.Attach succeeded for volume "${pvName}"`);
    expect(eventsFor(c, 'Pod', 'a').find((e) => e.reason === 'SuccessfulAttachVolume')?.source.component).toBe('attachdetach-controller');

    createPod(c, 'b', { claims: ['data'], spec: { nodeSelector: { 'kubernetes.io/hostname': 'node-2' } } });
    c.advance(5_000);
    expect(pod(c, 'b')?.spec.nodeName).toBe('node-2');
    expect(attachedNames(node(c, 'node-2'))).toEqual([]);
    expect(lastMessage(c, 'Pod', 'b', 'FailedAttachVolume')).toBe(`Multi-Attach error for volume "${pvName}" Volume is already used by pod(s) a`);
    expect(eventsFor(c, 'Pod', 'b').find((e) => e.reason === 'FailedAttachVolume')?.type).toBe('Warning');

    c.api.delete('Pod', 'default', 'a');
    c.advanceUntil(() => attachedNames(node(c, 'node-2')).includes(unique), 60_000);
    expect(attachedNames(node(c, 'node-1'))).toEqual([]);
    expect(attachedNames(node(c, 'node-2'))).toEqual([unique]);
  });

  it('force-detaches a still-mounted volume from an unhealthy node only after 6 minutes', () => {
    const c = newCluster(8);
    const pvc = createClaim(c, 'data');
    createPod(c, 'a', { claims: ['data'], spec: { nodeSelector: { 'kubernetes.io/hostname': 'node-1' } } });
    c.advanceUntil(() => pod(c, 'a')?.status.phase === 'Running', 30_000);
    const unique = `kubernetes.io/csi/csi.playground.k8s.io^pvc-${pvc.metadata.uid}`;
    // The node fails: its kubelet no longer unmounts anything; the pod object is force-deleted.
    stopKubeletOn(c.ctx, 'node-1');
    c.api.mutate<Node>('Node', undefined, 'node-1', (d) => void (d.status.conditions.find((x) => x.type === 'Ready')!.status = 'Unknown'), { subresource: 'status' });
    c.api.delete('Pod', 'default', 'a', { gracePeriodSeconds: 0 });
    const start = c.now();
    c.advance(MAX_WAIT_FOR_UNMOUNT_MS - 1_000);
    expect(node(c, 'node-1').status.volumesInUse).toContain(unique);
    expect(attachedNames(node(c, 'node-1'))).toContain(unique);
    c.advance(2_000);
    expect(attachedNames(node(c, 'node-1'))).not.toContain(unique);
    expect(c.now() - start).toBeGreaterThanOrEqual(MAX_WAIT_FOR_UNMOUNT_MS);
  });
});
