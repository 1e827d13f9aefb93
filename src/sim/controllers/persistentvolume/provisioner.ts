/**
 * Mirrors kubernetes-csi/external-provisioner (controller.go) with sig-storage-lib-external-provisioner:
 * provisions a PV named `pvc-<claim uid>` for each claim handed to the simulated CSI driver, in the zone of
 * the node the scheduler selected, and deletes released Delete-policy volumes it provisioned.
 *
 * Simplified: provisioning and deletion take ctx.timings.provisionMs (jittered) and never fail; no
 * CSIStorageCapacity, no volume attributes or secrets; volumeHandle is the PV name.
 */
import type { Node, PersistentVolume, PersistentVolumeClaim } from '../../api/core';
import type { ClusterContext, Controller } from '../../runtime/controller';
import { jittered } from '../../runtime/controller';
import { WorkQueue, keyOf, splitKey } from '../../runtime/workqueue';
import { CSI_DRIVER } from '../../scenarios/bootstrap';
import { pvVolumeId } from '../../storage/files';
import { restoreProblem, populateVolume } from '../snapshot/restore';
import { nodeZone, provisionableZones, provisionedNodeAffinity, provisionedVolumeAnnotations } from './topology';
import {
  ANN_DYNAMICALLY_PROVISIONED,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  PROVISIONER_FINALIZER,
  PV_PROTECTION_FINALIZER,
  claimStorageClass,
  setAnnotation,
} from './util';

const NAME = 'csi-provisioner';
/** How soon a claim whose snapshot is not ready yet is tried again. */
const RESTORE_RETRY_MS = 5_000;

/** The dynamically provisioned PV's name for a claim: `pvc-<claim uid>`. */
export function provisionedVolumeName(pvc: PersistentVolumeClaim): string {
  return `pvc-${pvc.metadata.uid}`;
}

export function startProvisioner(ctx: ClusterContext): Controller {
  const { api } = ctx;
  const queue = new WorkQueue(ctx.clock, NAME);
  // The event source names the provisioner instance as `<driver>_<pod>_<uuid>`.
  const component = `${CSI_DRIVER}_csi-playground-controller-0_${ctx.random.uuid()}`;
  const inFlight = new Set<string>();

  api.watch('PersistentVolumeClaim', ({ object }) => queue.add(`claim:${keyOf(object.metadata)}`));
  api.watch('PersistentVolume', ({ object }) => queue.add(`volume:${object.metadata.name}`));

  const event = (obj: PersistentVolumeClaim, type: 'Normal' | 'Warning', reason: string, message: string) =>
    ctx.recorder.record(obj, type, reason, message, { component });

  /** shouldProvision: unbound, handed to this driver, and (for WaitForFirstConsumer) a node chosen. */
  function shouldProvision(pvc: PersistentVolumeClaim): boolean {
    if (pvc.spec.volumeName || pvc.metadata.deletionTimestamp) return false;
    if (pvc.metadata.annotations?.[ANN_STORAGE_PROVISIONER] !== CSI_DRIVER) return false;
    const sc = claimStorageClass(api, pvc);
    if (sc?.provisioner !== CSI_DRIVER) return false;
    if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !pvc.metadata.annotations?.[ANN_SELECTED_NODE]) return false;
    return !api.get('PersistentVolume', undefined, provisionedVolumeName(pvc));
  }

  function syncClaim(pvc: PersistentVolumeClaim): void {
    const claimKey = keyOf(pvc.metadata);
    if (inFlight.has(pvc.metadata.uid) || !shouldProvision(pvc)) return;
    inFlight.add(pvc.metadata.uid);
    event(pvc, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${claimKey}"`);
    ctx.clock.after(jittered(ctx, ctx.timings.provisionMs), `${NAME} provision ${claimKey}`, () => {
      inFlight.delete(pvc.metadata.uid);
      const current = api.get<PersistentVolumeClaim>('PersistentVolumeClaim', pvc.metadata.namespace, pvc.metadata.name);
      if (current?.metadata.uid !== pvc.metadata.uid || !shouldProvision(current)) return;
      const problem = restoreProblem(api, current);
      if (problem) {
        event(current, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${claimStorageClass(api, current)?.metadata.name ?? ''}": ${problem}`);
        queue.addAfter(`claim:${claimKey}`, RESTORE_RETRY_MS);
        return;
      }
      provision(current);
    });
  }

  function provision(pvc: PersistentVolumeClaim): void {
    const sc = claimStorageClass(api, pvc)!;
    const selected = pvc.metadata.annotations?.[ANN_SELECTED_NODE];
    let zone: string | undefined;
    if (selected) {
      const node = api.get<Node>('Node', undefined, selected);
      if (!node) {
        event(pvc, 'Warning', 'ProvisioningFailed', `failed to get target node: node "${selected}" not found`);
        // Let the scheduler choose again.
        api.mutate<PersistentVolumeClaim>('PersistentVolumeClaim', pvc.metadata.namespace, pvc.metadata.name, (d) => setAnnotation(d.metadata, ANN_SELECTED_NODE, undefined));
        return;
      }
      zone = nodeZone(node);
    } else {
      const zones = provisionableZones(sc, api.list<Node>('Node'));
      zone = zones.length ? ctx.random.pick(zones) : undefined;
    }
    const name = provisionedVolumeName(pvc);
    api.create<PersistentVolume>({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: {
        name,
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
        annotations: {
          [ANN_DYNAMICALLY_PROVISIONED]: CSI_DRIVER,
          'volume.kubernetes.io/provisioner-deletion-secret-name': '',
          'volume.kubernetes.io/provisioner-deletion-secret-namespace': '',
          ...provisionedVolumeAnnotations(sc),
        },
        finalizers: sc.reclaimPolicy === 'Retain' ? [PV_PROTECTION_FINALIZER] : [PROVISIONER_FINALIZER, PV_PROTECTION_FINALIZER],
      },
      spec: {
        capacity: { storage: pvc.spec.resources?.requests?.storage ?? '1Gi' },
        accessModes: [...(pvc.spec.accessModes ?? ['ReadWriteOnce'])],
        persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
        storageClassName: sc.metadata.name,
        volumeMode: pvc.spec.volumeMode ?? 'Filesystem',
        claimRef: { kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace ?? 'default', name: pvc.metadata.name, uid: pvc.metadata.uid, apiVersion: 'v1', resourceVersion: pvc.metadata.resourceVersion },
        csi: { driver: CSI_DRIVER, volumeHandle: name, fsType: 'ext4' },
        ...(zone ? { nodeAffinity: provisionedNodeAffinity(sc, zone, api.list<Node>('Node')) } : {}),
      },
      status: { phase: 'Pending' },
    });
    populateVolume(ctx, pvc, pvVolumeId(name));
    event(pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${name}`);
    ctx.trace.record(NAME, keyOf(pvc.metadata), 'provision', `created ${name}${zone ? ` in ${zone}` : ''}`);
  }

  /** A released Delete-policy volume of ours: delete the backing volume, then the PV object. */
  function syncVolume(pv: PersistentVolume): void {
    if (pv.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED] !== CSI_DRIVER) return;
    const released = pv.status.phase === 'Released' || pv.status.phase === 'Failed' || !pv.spec.claimRef;
    const deleting = pv.metadata.deletionTimestamp && pv.status.phase !== 'Bound';
    if (pv.spec.persistentVolumeReclaimPolicy === 'Delete' && (pv.status.phase === 'Released' || deleting)) {
      if (inFlight.has(pv.metadata.uid)) return;
      inFlight.add(pv.metadata.uid);
      ctx.clock.after(jittered(ctx, ctx.timings.provisionMs), `${NAME} delete ${pv.metadata.name}`, () => {
        inFlight.delete(pv.metadata.uid);
        const current = api.get<PersistentVolume>('PersistentVolume', undefined, pv.metadata.name);
        if (current?.metadata.uid !== pv.metadata.uid || current.status.phase === 'Bound') return;
        ctx.files.drop(pvVolumeId(current.metadata.name));
        ctx.trace.record(NAME, current.metadata.name, 'delete', 'deleted the volume of a released Delete-policy PV');
        removeFinalizer(current);
        if (!current.metadata.deletionTimestamp && api.get('PersistentVolume', undefined, current.metadata.name)) {
          api.delete('PersistentVolume', undefined, current.metadata.name, { uid: current.metadata.uid });
        }
      });
      return;
    }
    // Retain, or a volume deleted by hand while not released: only let go of our finalizer.
    if (pv.metadata.deletionTimestamp && (released || pv.spec.persistentVolumeReclaimPolicy !== 'Delete')) removeFinalizer(pv);
  }

  function removeFinalizer(pv: PersistentVolume): void {
    if (!pv.metadata.finalizers?.includes(PROVISIONER_FINALIZER)) return;
    api.mutate<PersistentVolume>('PersistentVolume', undefined, pv.metadata.name, (d) => {
      d.metadata.finalizers = (d.metadata.finalizers ?? []).filter((f) => f !== PROVISIONER_FINALIZER);
      if (!d.metadata.finalizers.length) delete d.metadata.finalizers;
    });
  }

  return {
    name: NAME,
    queue,
    sync(key) {
      if (key.startsWith('claim:')) {
        const { namespace, name } = splitKey(key.slice(6));
        const pvc = api.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name);
        if (pvc) syncClaim(pvc);
      } else if (key.startsWith('volume:')) {
        const pv = api.get<PersistentVolume>('PersistentVolume', undefined, key.slice(7));
        if (pv) syncVolume(pv);
      }
    },
  };
}
