/**
 * Mirrors pkg/controller/volume/persistentvolume/pv_controller.go (syncClaim, syncUnboundClaim,
 * syncBoundClaim, syncVolume, bind, reclaimVolume): binds claims to volumes, waits for the first consumer
 * or hands claims to the external provisioner, and releases volumes whose claim is gone.
 *
 * Simplified: no periodic resync (syncs follow watch events), no Recycle, no volume plugins: Delete is
 * carried out by the CSI external-provisioner (provisioner.ts) for the volumes it provisioned; any other
 * Delete volume fails as a cluster without a deleter plugin would.
 */
import type { PersistentVolume, PersistentVolumeClaim } from '../../api/core';
import type { ClusterContext, Controller } from '../../runtime/controller';
import { WorkQueue, keyOf, splitKey } from '../../runtime/workqueue';
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_DYNAMICALLY_PROVISIONED,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  getPersistentVolumeClaimClass,
  isDelayBindingMode,
  isVolumeBoundToClaim,
  claimStorageClass,
  parseQuantity,
  setAnnotation,
  volumeMatchesClaim,
} from './util';

/** The controller's name, also the source component of its events. */
export const PV_CONTROLLER = 'persistentvolume-controller';
const CLAIM_INDEX = 'persistentvolume-controller.claimRef';

/** The ExternalProvisioning event text for a claim waiting on an external (CSI) provisioner. */
export function externalProvisioningMessage(provisioner: string): string {
  return `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`;
}

export function startPersistentVolumeController(ctx: ClusterContext): Controller {
  const { api } = ctx;
  const queue = new WorkQueue(ctx.clock, PV_CONTROLLER);
  api.addIndex('PersistentVolume', CLAIM_INDEX, (o) => {
    const ref = (o as PersistentVolume).spec.claimRef;
    return ref ? [`${ref.namespace}/${ref.name}`] : [];
  });
  api.watch('PersistentVolumeClaim', ({ object }) => {
    queue.add(`claim:${keyOf(object.metadata)}`);
    const volumeName = (object as PersistentVolumeClaim).spec.volumeName;
    if (volumeName) queue.add(`volume:${volumeName}`);
  });
  api.watch('PersistentVolume', ({ object, old }) => {
    queue.add(`volume:${object.metadata.name}`);
    for (const pv of [object, old] as (PersistentVolume | undefined)[]) {
      const ref = pv?.spec.claimRef;
      if (ref) queue.add(`claim:${ref.namespace}/${ref.name}`);
    }
  });
  api.watch('StorageClass', () => {
    for (const pvc of api.list<PersistentVolumeClaim>('PersistentVolumeClaim')) if (!pvc.spec.volumeName) queue.add(`claim:${keyOf(pvc.metadata)}`);
  });

  // Several watch events at one instant lead to several syncs; the real controller's syncs are spread
  // over its resync period, so one event per object, reason and instant keeps the counts realistic.
  const lastEventAt = new Map<string, number>();
  const event = (obj: PersistentVolumeClaim | PersistentVolume, type: 'Normal' | 'Warning', reason: string, message: string) => {
    const dedupe = `${obj.metadata.uid}|${reason}`;
    if (lastEventAt.get(dedupe) === ctx.clock.now()) return;
    lastEventAt.set(dedupe, ctx.clock.now());
    ctx.recorder.record(obj, type, reason, message, { component: PV_CONTROLLER });
  };

  function setVolumePhase(pv: PersistentVolume, phase: NonNullable<PersistentVolume['status']['phase']>, message?: string): void {
    if (pv.status.phase === phase && pv.status.message === message) return;
    api.mutate<PersistentVolume>('PersistentVolume', undefined, pv.metadata.name, (d) => {
      if (d.status.phase !== phase) d.status.lastPhaseTransitionTime = ctx.clock.timestamp();
      d.status.phase = phase;
      if (message) d.status.message = message;
      else delete d.status.message;
    }, { subresource: 'status' });
  }

  function setClaimPhase(pvc: PersistentVolumeClaim, phase: 'Pending' | 'Bound' | 'Lost', pv?: PersistentVolume): void {
    api.mutate<PersistentVolumeClaim>('PersistentVolumeClaim', pvc.metadata.namespace, pvc.metadata.name, (d) => {
      const before = JSON.stringify(d.status);
      d.status.phase = phase;
      if (pv && phase === 'Bound') {
        d.status.accessModes = [...pv.spec.accessModes];
        d.status.capacity = { ...pv.spec.capacity };
      }
      if (phase === 'Lost') {
        delete d.status.accessModes;
        delete d.status.capacity;
      }
      return JSON.stringify(d.status) !== before;
    }, { subresource: 'status' });
  }

  /** bind(): claimRef on the volume, volumeName and annotations on the claim, then both statuses. */
  function bind(pv: PersistentVolume, pvc: PersistentVolumeClaim): void {
    const boundPv = api.mutate<PersistentVolume>('PersistentVolume', undefined, pv.metadata.name, (d) => {
      if (isVolumeBoundToClaim(d, pvc) && d.spec.claimRef?.uid) return false;
      if (!d.spec.claimRef) setAnnotation(d.metadata, ANN_BOUND_BY_CONTROLLER, 'yes');
      d.spec.claimRef = { kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace ?? 'default', name: pvc.metadata.name, uid: pvc.metadata.uid, apiVersion: 'v1', resourceVersion: pvc.metadata.resourceVersion };
    });
    if (!boundPv) return;
    setVolumePhase(boundPv, 'Bound');
    const boundPvc = api.mutate<PersistentVolumeClaim>('PersistentVolumeClaim', pvc.metadata.namespace, pvc.metadata.name, (d) => {
      if (d.spec.volumeName === pv.metadata.name && d.metadata.annotations?.[ANN_BIND_COMPLETED]) return false;
      d.spec.volumeName = pv.metadata.name;
      setAnnotation(d.metadata, ANN_BIND_COMPLETED, 'yes');
      setAnnotation(d.metadata, ANN_BOUND_BY_CONTROLLER, 'yes');
    });
    if (boundPvc) setClaimPhase(boundPvc, 'Bound', boundPv);
    ctx.trace.record(PV_CONTROLLER, keyOf(pvc.metadata), 'bind', `bound to volume ${pv.metadata.name}`);
  }

  /** findBestMatchForClaim: a volume pre-bound to the claim, else (Immediate only) the smallest fitting one. */
  function findBestMatch(pvc: PersistentVolumeClaim, delayBinding: boolean): PersistentVolume | undefined {
    const prebound = api.byIndex<PersistentVolume>('PersistentVolume', CLAIM_INDEX, keyOf({ namespace: pvc.metadata.namespace ?? 'default', name: pvc.metadata.name }));
    const mine = prebound.find((pv) => isVolumeBoundToClaim(pv, pvc) && !pv.metadata.deletionTimestamp);
    if (mine || delayBinding) return mine;
    return api
      .list<PersistentVolume>('PersistentVolume')
      .filter((pv) => !pv.spec.claimRef && volumeMatchesClaim(pv, pvc))
      .sort((a, b) => parseQuantity(a.spec.capacity.storage) - parseQuantity(b.spec.capacity.storage))[0];
  }

  function syncUnboundClaim(pvc: PersistentVolumeClaim): void {
    const delay = isDelayBindingMode(api, pvc);
    const pv = findBestMatch(pvc, delay);
    if (pv) return bind(pv, pvc);
    if (pvc.status.phase !== 'Pending') setClaimPhase(pvc, 'Pending');
    if (delay && !pvc.metadata.annotations?.[ANN_SELECTED_NODE]) {
      event(pvc, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
      return;
    }
    const className = getPersistentVolumeClaimClass(pvc);
    if (!className) {
      event(pvc, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
      return;
    }
    const sc = claimStorageClass(api, pvc);
    if (!sc) {
      event(pvc, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`);
      return;
    }
    // provisionClaim for an external provisioner: name it on the claim and wait.
    if (pvc.metadata.annotations?.[ANN_STORAGE_PROVISIONER] !== sc.provisioner) {
      api.mutate<PersistentVolumeClaim>('PersistentVolumeClaim', pvc.metadata.namespace, pvc.metadata.name, (d) => {
        setAnnotation(d.metadata, ANN_BETA_STORAGE_PROVISIONER, sc.provisioner);
        setAnnotation(d.metadata, ANN_STORAGE_PROVISIONER, sc.provisioner);
      });
    }
    event(pvc, 'Normal', 'ExternalProvisioning', externalProvisioningMessage(sc.provisioner));
  }

  function syncBoundClaim(pvc: PersistentVolumeClaim): void {
    const pv = api.get<PersistentVolume>('PersistentVolume', undefined, pvc.spec.volumeName!);
    if (!pv) {
      if (pvc.status.phase !== 'Lost') {
        setClaimPhase(pvc, 'Lost');
        event(pvc, 'Warning', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
      }
      return;
    }
    if (!pv.spec.claimRef) return bind(pv, pvc);
    if (!isVolumeBoundToClaim(pv, pvc)) {
      if (pvc.status.phase !== 'Lost') {
        setClaimPhase(pvc, 'Lost');
        event(pvc, 'Warning', 'ClaimMisbound', 'Two claims are bound to the same volume, this one is bound incorrectly');
      }
      return;
    }
    if (!pv.spec.claimRef.uid) return bind(pv, pvc);
    setVolumePhase(pv, 'Bound');
    if (pvc.status.phase !== 'Bound' || !pvc.status.capacity) setClaimPhase(pvc, 'Bound', pv);
  }

  function syncVolume(pv: PersistentVolume): void {
    const ref = pv.spec.claimRef;
    if (!ref) {
      if (pv.status.phase !== 'Available') setVolumePhase(pv, 'Available');
      return;
    }
    const pvc = api.get<PersistentVolumeClaim>('PersistentVolumeClaim', ref.namespace, ref.name);
    if (pvc && (!ref.uid || ref.uid === pvc.metadata.uid)) {
      if (pvc.spec.volumeName === pv.metadata.name) setVolumePhase(pv, 'Bound');
      else if (!pvc.spec.volumeName) queue.add(`claim:${keyOf(pvc.metadata)}`);
      else if (pv.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER]) {
        // The claim was bound elsewhere: undo our pre-binding.
        api.mutate<PersistentVolume>('PersistentVolume', undefined, pv.metadata.name, (d) => {
          delete d.spec.claimRef;
          setAnnotation(d.metadata, ANN_BOUND_BY_CONTROLLER, undefined);
        });
      }
      return;
    }
    if (!ref.uid) {
      if (pv.status.phase !== 'Available') setVolumePhase(pv, 'Available');
      return;
    }
    // The claim is gone (or was re-created with a new uid): the volume is released.
    if (pv.status.phase === 'Released' || pv.status.phase === 'Failed') return;
    setVolumePhase(pv, 'Released');
    ctx.trace.record(PV_CONTROLLER, pv.metadata.name, 'release', `claim ${ref.namespace}/${ref.name} is gone; reclaim policy ${pv.spec.persistentVolumeReclaimPolicy ?? 'Retain'}`);
    if (pv.spec.persistentVolumeReclaimPolicy === 'Delete' && !pv.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED]) {
      const message = `error getting deleter volume plugin for volume "${pv.metadata.name}": no deletable volume plugin matched`;
      setVolumePhase({ ...pv, status: { ...pv.status, phase: 'Released' } }, 'Failed', message);
      event(pv, 'Warning', 'VolumeFailedDelete', message);
    }
  }

  return {
    name: PV_CONTROLLER,
    queue,
    sync(key) {
      if (key.startsWith('claim:')) {
        const { namespace, name } = splitKey(key.slice(6));
        const pvc = api.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name);
        if (!pvc) return;
        if (pvc.spec.volumeName) syncBoundClaim(pvc);
        else syncUnboundClaim(pvc);
      } else if (key.startsWith('volume:')) {
        const pv = api.get<PersistentVolume>('PersistentVolume', undefined, key.slice(7));
        if (pv) syncVolume(pv);
      }
    },
  };
}
