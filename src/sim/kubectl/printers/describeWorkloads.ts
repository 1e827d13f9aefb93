// Mirrors describeStatefulSet, describeDeployment, describeReplicaSet, DescribePodTemplate,
// describeVolumeClaimTemplates and getPodStatusForController in
// staging/src/k8s.io/kubectl/pkg/describe/describe.go. Simplified: a Deployment's new ReplicaSet is the
// owned one whose template equals the Deployment's (ignoring pod-template-hash), as deploymentutil finds it.
import type { Pod, PodTemplateSpec } from '../../api/core';
import type { Deployment, PersistentVolumeClaimTemplate, ReplicaSet, StatefulSet } from '../../api/apps';
import type { KubeObject, LabelSelector } from '../../api/meta';
import type { ApiServer } from '../../apiserver/store';
import { matchesSelector, selectorToString } from '../../api/selectors';
import { storageClassOf } from './columns';
import { describeEvents, formatRFC1123Z, goSlice, printAnnotationsMultiline, printController, printLabelsMultiline, printTolerationsMultiline, searchEvents } from './describeHelpers';
import { describeContainers, describeVolumes } from './describePod';
import { LEVEL_0, LEVEL_1, type PrefixWriter, tabbedString } from './prefixWriter';

/** labels.Selector.String(): like FormatLabelSelector but empty for a selector that selects everything. */
function selectorString(selector: LabelSelector): string {
  const text = selectorToString(selector);
  return text === '<none>' ? '' : text;
}

/** getPodStatusForController: `Running / Waiting / Succeeded / Failed` counts of the pods it controls. */
function podsStatusLine(api: ApiServer, owner: KubeObject, selector: LabelSelector): string {
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 } as Record<string, number>;
  for (const pod of api.list<Pod>('Pod', owner.metadata.namespace)) {
    if (!matchesSelector(selector, pod.metadata.labels)) continue;
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (!ref || ref.uid !== owner.metadata.uid) continue;
    if (pod.status.phase in counts) counts[pod.status.phase]!++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

/** DescribePodTemplate: labels, containers (no status), volumes, node selectors and tolerations at one indent. */
export function describePodTemplate(template: PodTemplateSpec, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length) printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  if (template.spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${template.spec.serviceAccountName}\n`);
  if (template.spec.initContainers?.length) describeContainers('Init Containers', template.spec.initContainers, undefined, undefined, w, '  ');
  describeContainers('Containers', template.spec.containers, undefined, undefined, w, '  ');
  describeVolumes(template.spec.volumes, w, '  ');
  const priorityClassName = (template.spec as PodTemplateSpec['spec'] & { priorityClassName?: string }).priorityClassName;
  if (priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', template.spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', template.spec.tolerations);
}

function describeVolumeClaimTemplates(templates: readonly PersistentVolumeClaimTemplate[] | undefined, w: PrefixWriter): void {
  if (!templates?.length) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(LEVEL_1, `Name:\t${pvc.metadata.name}\n`);
    w.write(LEVEL_1, `StorageClass:\t${storageClassOf(pvc)}\n`);
    printLabelsMultiline(w, 'Labels', pvc.metadata.labels, '  ');
    printLabelsMultiline(w, 'Annotations', pvc.metadata.annotations, '  ');
    w.write(LEVEL_1, `Capacity:\t${pvc.spec.resources?.requests?.storage ?? '<default>'}\n`);
    w.write(LEVEL_1, `Access Modes:\t${goSlice(pvc.spec.accessModes)}\n`);
  }
}

/** `kubectl describe statefulset`. */
export function describeStatefulSet(sts: StatefulSet, api: ApiServer, now: number): string {
  const events = searchEvents(api, sts);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sts.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${sts.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(sts.metadata.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(sts.spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', sts.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', sts.metadata.annotations);
    w.write(LEVEL_0, `Replicas:\t${sts.spec.replicas ?? 0} desired | ${sts.status?.replicas ?? 0} total\n`);
    w.write(LEVEL_0, `Update Strategy:\t${sts.spec.updateStrategy?.type ?? ''}\n`);
    const ru = sts.spec.updateStrategy?.rollingUpdate;
    if (ru?.partition !== undefined) {
      w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
      if (ru.maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${podsStatusLine(api, sts, sts.spec.selector)}\n`);
    describePodTemplate(sts.spec.template, w);
    describeVolumeClaimTemplates(sts.spec.volumeClaimTemplates, w);
    describeEvents(events, w, now);
  });
}

/** `kubectl describe replicaset`. */
export function describeReplicaSet(rs: ReplicaSet, api: ApiServer, now: number): string {
  const events = searchEvents(api, rs);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorToString(rs.spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
    const controlledBy = printController(rs);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatusLine(api, rs, rs.spec.selector)}\n`);
    describePodTemplate(rs.spec.template, w);
    writeConditions(rs.status?.conditions, w);
    describeEvents(events, w, now);
  });
}

function writeConditions(conditions: readonly { type: string; status: string; reason?: string }[] | undefined, w: PrefixWriter): void {
  if (!conditions?.length) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

/** The template without the pod-template-hash label, for comparing a ReplicaSet with its Deployment. */
function templateKey(template: PodTemplateSpec): string {
  const labels = { ...(template.metadata?.labels ?? {}) };
  delete labels['pod-template-hash'];
  return JSON.stringify({ ...template, metadata: { ...template.metadata, labels } });
}

function replicaSetsByLabels(sets: readonly ReplicaSet[]): string {
  return sets.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 0} replicas created)`).join(', ') || '<none>';
}

/** `kubectl describe deployment`. */
export function describeDeployment(d: Deployment, api: ApiServer, now: number): string {
  const events = searchEvents(api, d);
  const owned = api.list<ReplicaSet>('ReplicaSet', d.metadata.namespace).filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
  const newRS = owned.find((rs) => templateKey(rs.spec.template) === templateKey(d.spec.template));
  const oldRSs = owned.filter((rs) => rs !== newRS);
  return tabbedString((w) => {
    const s = d.status ?? {};
    w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(d.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', d.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(d.spec.selector)}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${d.spec.replicas ?? 0} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${d.spec.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
    const ru = d.spec.strategy?.rollingUpdate;
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? 0} max unavailable, ${ru.maxSurge ?? 0} max surge\n`);
    describePodTemplate(d.spec.template, w);
    writeConditions(s.conditions, w);
    if (owned.length) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsByLabels(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsByLabels(newRS ? [newRS] : [])}\n`);
    }
    describeEvents(events, w, now);
  });
}
