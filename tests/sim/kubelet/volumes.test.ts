import { describe, expect, it } from 'vitest';
import type { PersistentVolume, PersistentVolumeClaim } from '../../../src/sim/api/core';
import type { Cluster } from '../../../src/sim/cluster';
import { podIsReady } from '../../../src/sim/kubelet/status';
import { uniqueVolumeName } from '../../../src/sim/kubelet/volumes';
import { CSI_DRIVER } from '../../../src/sim/scenarios/bootstrap';
import { emptyDirVolumeId, pvVolumeId, rootfsVolumeId } from '../../../src/sim/storage/files';
import { createPod, newCluster, nginx, node, pod, until } from './support';

const meta = { uid: '', resourceVersion: '', creationTimestamp: '' };

/** A bound PVC/PV pair, as the provisioner and binder would leave it. */
function boundClaim(c: Cluster, claim: string, pv: string): void {
  c.api.create<PersistentVolume>({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { ...meta, name: pv },
    spec: {
      capacity: { storage: '1Gi' },
      accessModes: ['ReadWriteOnce'],
      storageClassName: 'standard',
      csi: { driver: CSI_DRIVER, volumeHandle: pv },
      claimRef: { kind: 'PersistentVolumeClaim', namespace: 'default', name: claim },
    },
    status: { phase: 'Bound' },
  });
  c.api.create<PersistentVolumeClaim>({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { ...meta, name: claim, namespace: 'default' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard', volumeName: pv },
    status: { phase: 'Bound' },
  });
  c.ctx.files.ensure(pvVolumeId(pv));
  c.ctx.files.write(pvVolumeId(pv), '/index.html', 'web-0');
}

/** The attach/detach controller's part, faked: the volume appears in node.status.volumesAttached. */
function attach(c: Cluster, nodeName: string, pv: string): void {
  c.api.mutate('Node', undefined, nodeName, (n: import('../../../src/sim/api/core').Node) => {
    n.status.volumesAttached = [...(n.status.volumesAttached ?? []), { name: uniqueVolumeName(pv), devicePath: '' }];
  }, { subresource: 'status' });
}

describe('volumes', () => {
  it('waits for attach, reports volumesInUse, mounts, and on removal keeps PV files but drops emptyDir and rootfs', () => {
    const c = newCluster();
    boundClaim(c, 'www-web-0', 'pvc-1');
    const created = createPod(c, 'web-0', 'node-1', [nginx({ volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }, { name: 'cache', mountPath: '/cache' }] })], {
      volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }, { name: 'cache', emptyDir: {} }],
    });
    // Until the volume is attached (by the attach/detach controller, or by this test after 5s when that
    // controller is absent) the pod waits in ContainerCreating, without an IP or a volume in use.
    const name = `kubernetes.io/csi/${CSI_DRIVER}^pvc-1`;
    const isAttached = () => (node(c, 'node-1').status.volumesAttached ?? []).some((v) => v.name === name);
    c.settle();
    while (!isAttached()) {
      const waiting = pod(c, 'web-0')!;
      expect(waiting.status.containerStatuses![0]!.state.waiting?.reason).toBe('ContainerCreating');
      expect(waiting.status.podIP).toBeUndefined();
      expect(node(c, 'node-1').status.volumesInUse ?? []).not.toContain(name);
      if (c.now() >= 5000) attach(c, 'node-1', 'pvc-1');
      else c.advance(100);
    }
    c.settle();
    expect(node(c, 'node-1').status.volumesInUse).toEqual([name]);
    expect(pod(c, 'web-0')!.status.podIP).toBeUndefined();
    until(c, () => podIsReady(pod(c, 'web-0')!));
    const uid = created.metadata.uid;
    expect(c.ctx.files.has(emptyDirVolumeId(uid, 'cache'))).toBe(true);
    // The container's writable layer exists and is empty: image files are read-only layers.
    expect(c.ctx.files.has(rootfsVolumeId(uid, 'nginx'))).toBe(true);
    expect(c.ctx.files.list(rootfsVolumeId(uid, 'nginx'))).toEqual([]);
    expect(pod(c, 'web-0')!.status.containerStatuses![0]!.volumeMounts).toEqual([
      { mountPath: '/usr/share/nginx/html', name: 'www' },
      { mountPath: '/cache', name: 'cache' },
    ]);

    c.api.delete('Pod', 'default', 'web-0');
    until(c, () => !pod(c, 'web-0'));
    expect(node(c, 'node-1').status.volumesInUse).toBeUndefined();
    expect(c.ctx.files.has(emptyDirVolumeId(uid, 'cache'))).toBe(false);
    expect(c.ctx.files.has(rootfsVolumeId(uid, 'nginx'))).toBe(false);
    expect(c.ctx.files.read(pvVolumeId('pvc-1'), '/index.html')).toBe('web-0');
  });
});
