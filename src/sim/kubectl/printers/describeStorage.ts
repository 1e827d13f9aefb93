// Mirrors describePersistentVolumeClaim (printPersistentVolumeClaim, getPodsForPVC), describePersistentVolume
// (printVolumeNodeAffinity, printCSIPersistentVolumeSource) and describeStorageClass in
// staging/src/k8s.io/kubectl/pkg/describe/describe.go. Simplified: PV sources are CSI and hostPath only.
import type { NodeSelectorTerm, PersistentVolume, PersistentVolumeClaim, Pod } from '../../api/core';
import type { StorageClass } from '../../api/other';
import type { ApiServer } from '../../apiserver/store';
import { age } from './duration';
import { accessModesAsString, formatLabels, storageClassOf } from './columns';
import { describeEvents, goSlice, printAnnotationsMultiline, printLabelsMultiline, printPodsMultiline, searchEvents } from './describeHelpers';
import { LEVEL_0, LEVEL_1, LEVEL_2, type PrefixWriter, tabbedString } from './prefixWriter';

const IS_DEFAULT = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];

/** getPodsForPVC: pods of the namespace with a volume for this claim, then pods owning it. */
function podsForPVC(api: ApiServer, pvc: PersistentVolumeClaim): Pod[] {
  const nsPods = api.list<Pod>('Pod', pvc.metadata.namespace);
  const pods: Pod[] = [];
  for (const pod of nsPods) {
    for (const v of pod.spec.volumes ?? []) if (v.persistentVolumeClaim?.claimName === pvc.metadata.name) pods.push(pod);
  }
  for (const ref of pvc.metadata.ownerReferences ?? []) {
    if (ref.kind !== 'Pod') continue;
    const owner = nsPods.find((p) => p.metadata.uid === ref.uid);
    if (owner && !pods.includes(owner)) pods.push(owner);
  }
  return pods;
}

/** `kubectl describe pvc`. */
export function describePersistentVolumeClaim(pvc: PersistentVolumeClaim, api: ApiServer, now: number): string {
  const events = searchEvents(api, pvc);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pvc.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${pvc.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `StorageClass:\t${storageClassOf(pvc)}\n`);
    w.write(LEVEL_0, pvc.metadata.deletionTimestamp ? `Status:\tTerminating (lasts ${age(pvc.metadata.deletionTimestamp, now)})\n` : `Status:\t${pvc.status.phase ?? ''}\n`);
    w.write(LEVEL_0, `Volume:\t${pvc.spec.volumeName ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', pvc.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', pvc.metadata.annotations);
    w.write(LEVEL_0, `Finalizers:\t${goSlice(pvc.metadata.finalizers)}\n`);
    const bound = Boolean(pvc.spec.volumeName);
    w.write(LEVEL_0, `Capacity:\t${bound ? (pvc.status.capacity?.storage ?? '0') : ''}\n`);
    w.write(LEVEL_0, `Access Modes:\t${bound ? accessModesAsString(pvc.status.accessModes) : ''}\n`);
    if (pvc.spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${pvc.spec.volumeMode}\n`);
    const ds = pvc.spec.dataSource;
    if (ds) {
      w.write(LEVEL_0, 'DataSource:\n');
      if (ds.apiGroup) w.write(LEVEL_1, `APIGroup:\t${ds.apiGroup}\n`);
      w.write(LEVEL_1, `Kind:\t${ds.kind}\n`);
      w.write(LEVEL_1, `Name:\t${ds.name}\n`);
    }
    printPodsMultiline(w, 'Used By', podsForPVC(api, pvc));
    describeEvents(events, w, now);
  });
}

function printNodeSelectorTerm(w: PrefixWriter, index: number, term: NodeSelectorTerm): void {
  w.write(LEVEL_2, `Term ${index}:\t`);
  const reqs = term.matchExpressions ?? [];
  if (reqs.length === 0) {
    w.writeLine('<none>');
    return;
  }
  reqs.forEach((req, i) => {
    if (i !== 0) w.write(LEVEL_2, '\t');
    const values = req.values?.length ? ` [${req.values.join(', ')}]` : '';
    w.write(LEVEL_0, `${req.key} ${req.operator.toLowerCase()}${values}\n`);
  });
}

function printVolumeNodeAffinity(w: PrefixWriter, pv: PersistentVolume): void {
  w.write(LEVEL_0, 'Node Affinity:\t');
  const required = pv.spec.nodeAffinity?.required;
  if (!required) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  w.write(LEVEL_1, 'Required Terms:\t');
  if (required.nodeSelectorTerms.length === 0) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  required.nodeSelectorTerms.forEach((term, i) => printNodeSelectorTerm(w, i, term));
}

function printCSIAttributes(w: PrefixWriter, attributes: Record<string, string> | undefined): void {
  w.write(LEVEL_2, 'VolumeAttributes:\t');
  const keys = Object.keys(attributes ?? {}).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, '');
      w.write(LEVEL_2, '\t');
    }
    const line = `${key}=${attributes![key]}`;
    w.write(LEVEL_2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`);
  });
}

/** `kubectl describe pv`. */
export function describePersistentVolume(pv: PersistentVolume, api: ApiServer, now: number): string {
  const events = searchEvents(api, pv);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pv.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', pv.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', pv.metadata.annotations);
    w.write(LEVEL_0, `Finalizers:\t${goSlice(pv.metadata.finalizers)}\n`);
    w.write(LEVEL_0, `StorageClass:\t${storageClassOf(pv)}\n`);
    w.write(LEVEL_0, pv.metadata.deletionTimestamp ? `Status:\tTerminating (lasts ${age(pv.metadata.deletionTimestamp, now)})\n` : `Status:\t${pv.status.phase ?? ''}\n`);
    w.write(LEVEL_0, `Claim:\t${pv.spec.claimRef ? `${pv.spec.claimRef.namespace}/${pv.spec.claimRef.name}` : ''}\n`);
    w.write(LEVEL_0, `Reclaim Policy:\t${pv.spec.persistentVolumeReclaimPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Access Modes:\t${accessModesAsString(pv.spec.accessModes)}\n`);
    if (pv.spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${pv.spec.volumeMode}\n`);
    w.write(LEVEL_0, `Capacity:\t${pv.spec.capacity.storage ?? '0'}\n`);
    printVolumeNodeAffinity(w, pv);
    w.write(LEVEL_0, `Message:\t${pv.status.message ?? ''}\n`);
    w.write(LEVEL_0, 'Source:\n');
    const csi = pv.spec.csi as (PersistentVolume['spec']['csi'] & { readOnly?: boolean; volumeAttributes?: Record<string, string> }) | undefined;
    if (pv.spec.hostPath) {
      w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${pv.spec.hostPath.path}\n    HostPathType:\t${pv.spec.hostPath.type || '<none>'}\n`);
    } else if (csi) {
      w.write(
        LEVEL_2,
        `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${csi.driver}\n    FSType:\t${csi.fsType ?? ''}\n    VolumeHandle:\t${csi.volumeHandle}\n    ReadOnly:\t${csi.readOnly ?? false}\n`,
      );
      printCSIAttributes(w, csi.volumeAttributes);
    } else {
      w.write(LEVEL_1, '<unknown>\n');
    }
    describeEvents(events, w, now);
  });
}

/** `kubectl describe storageclass`. */
export function describeStorageClass(sc: StorageClass, api: ApiServer, now: number): string {
  const events = searchEvents(api, sc);
  return tabbedString((w) => {
    const annotations = sc.metadata.annotations ?? {};
    w.write(LEVEL_0, `Name:\t${sc.metadata.name}\n`);
    w.write(LEVEL_0, `IsDefaultClass:\t${IS_DEFAULT.some((k) => annotations[k] === 'true') ? 'Yes' : 'No'}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(annotations)}\n`);
    w.write(LEVEL_0, `Provisioner:\t${sc.provisioner}\n`);
    w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
    w.write(LEVEL_0, `AllowVolumeExpansion:\t${sc.allowVolumeExpansion === undefined ? '<unset>' : sc.allowVolumeExpansion ? 'True' : 'False'}\n`);
    const mountOptions = (sc as StorageClass & { mountOptions?: string[] }).mountOptions ?? [];
    if (mountOptions.length === 0) {
      w.write(LEVEL_0, 'MountOptions:\t<none>\n');
    } else {
      w.write(LEVEL_0, 'MountOptions:\n');
      for (const option of mountOptions) w.write(LEVEL_1, `${option}\n`);
    }
    if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
    if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
    if (sc.allowedTopologies) {
      w.write(LEVEL_0, 'AllowedTopologies:\t');
      if (sc.allowedTopologies.length === 0) {
        w.writeLine('<none>');
      } else {
        w.writeLine('');
        sc.allowedTopologies.forEach((term, i) => {
          w.write(LEVEL_1, `Term ${i}:\t`);
          const reqs = term.matchLabelExpressions;
          if (reqs.length === 0) w.writeLine('<none>');
          reqs.forEach((req, j) => {
            if (j !== 0) w.write(LEVEL_1, '\t');
            w.write(LEVEL_0, `${req.key} in${req.values.length ? ` [${req.values.join(', ')}]` : ''}\n`);
          });
        });
      }
    }
    describeEvents(events, w, now);
  });
}
