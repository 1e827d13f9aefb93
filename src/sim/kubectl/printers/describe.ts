// Mirrors staging/src/k8s.io/kubectl/pkg/describe/describe.go (kubectl 1.35): describerMap picks a
// describer per kind, and kinds without one (ControllerRevision, Lease, ...) get genericDescriber, which
// prints every field of the object. Simplified: Namespace shows no quota or limit-range details (the
// simulator has neither, so it prints the "No resource quota." / "No LimitRange resource." lines).
import type { Namespace, Node, PersistentVolume, PersistentVolumeClaim, Pod, Service } from '../../api/core';
import type { Deployment, ReplicaSet, StatefulSet } from '../../api/apps';
import type { KubeObject } from '../../api/meta';
import type { EndpointSlice, PodDisruptionBudget, StorageClass } from '../../api/other';
import type { ApiServer } from '../../apiserver/store';
import { selectorToString } from '../../api/selectors';
import type { PrintOptions } from './index';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, searchEvents } from './describeHelpers';
import { describeEndpointSlice, describeService } from './describeNetwork';
import { describeNode } from './describeNode';
import { describePod } from './describePod';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './describeStorage';
import { describeDeployment, describeReplicaSet, describeStatefulSet } from './describeWorkloads';
import { LEVEL_0, LEVEL_2, type PrefixWriter, tabbedString } from './prefixWriter';

type Describer = (obj: KubeObject, api: ApiServer, now: number) => string;

function describeNamespace(ns: Namespace): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    w.write(LEVEL_0, '\n');
    w.write(LEVEL_0, 'No resource quota.\n');
    w.write(LEVEL_0, '\n');
    w.write(LEVEL_0, 'No LimitRange resource.\n');
  });
}

function describePodDisruptionBudget(pdb: PodDisruptionBudget, api: ApiServer, now: number): string {
  const events = searchEvents(api, pdb);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pdb.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${pdb.metadata.namespace ?? ''}\n`);
    if (pdb.spec.minAvailable !== undefined) w.write(LEVEL_0, `Min available:\t${pdb.spec.minAvailable}\n`);
    else if (pdb.spec.maxUnavailable !== undefined) w.write(LEVEL_0, `Max unavailable:\t${pdb.spec.maxUnavailable}\n`);
    w.write(LEVEL_0, `Selector:\t${pdb.spec.selector ? selectorToString(pdb.spec.selector) : '<unset>'}\n`);
    w.write(LEVEL_0, 'Status:\n');
    const s = pdb.status;
    w.write(LEVEL_2, `Allowed disruptions:\t${s?.disruptionsAllowed ?? 0}\n`);
    w.write(LEVEL_2, `Current:\t${s?.currentHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Desired:\t${s?.desiredHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Total:\t${s?.expectedPods ?? 0}\n`);
    describeEvents(events, w, now);
  });
}

const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

/** smartLabelFor: `apiVersion` -> `API Version`; fields with characters other than letters and '-' stay. */
export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  const parts = field.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|-/g) ?? [field];
  return parts.map((p) => (ACRONYMS.has(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1).toLowerCase())).join(' ');
}

const GENERIC_SKIP = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);

/** Go's `%v` of a decoded JSON scalar. */
function goValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  return String(value);
}

/** printUnstructuredContent: every field, sorted, maps and lists nested one level deeper. */
function printUnstructuredContent(w: PrefixWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const path = `${prefix}.${field}`;
    if (GENERIC_SKIP.has(path)) continue;
    const value = content[field];
    if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) printUnstructuredContent(w, level + 1, child as Record<string, unknown>, path);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else if (value && typeof value === 'object') {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, value as Record<string, unknown>, path);
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`);
    }
  }
}

function describeGeneric(obj: KubeObject, api: ApiServer, now: number): string {
  const events = searchEvents(api, obj);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    printUnstructuredContent(w, LEVEL_0, obj as unknown as Record<string, unknown>, '');
    describeEvents(events, w, now);
  });
}

const DESCRIBERS: Record<string, Describer> = {
  Pod: (o, api, now) => describePod(o as Pod, api, now),
  StatefulSet: (o, api, now) => describeStatefulSet(o as StatefulSet, api, now),
  Deployment: (o, api, now) => describeDeployment(o as Deployment, api, now),
  ReplicaSet: (o, api, now) => describeReplicaSet(o as ReplicaSet, api, now),
  Service: (o, api, now) => describeService(o as Service, api, now),
  EndpointSlice: (o, api, now) => describeEndpointSlice(o as EndpointSlice, api, now),
  PersistentVolumeClaim: (o, api, now) => describePersistentVolumeClaim(o as PersistentVolumeClaim, api, now),
  PersistentVolume: (o, api, now) => describePersistentVolume(o as PersistentVolume, api, now),
  StorageClass: (o, api, now) => describeStorageClass(o as StorageClass, api, now),
  Node: (o, api, now) => describeNode(o as Node, api, now),
  Namespace: (o) => describeNamespace(o as Namespace),
  PodDisruptionBudget: (o, api, now) => describePodDisruptionBudget(o as PodDisruptionBudget, api, now),
};

/**
 * What `kubectl describe` prints for one object, ending with a newline. Related objects (a pod's events,
 * a Service's EndpointSlices, a PVC's pods, a node's pods and Lease) are read from `options.api`; ages are
 * relative to `options.now`. Several objects are joined by the caller with "\n\n" as kubectl does.
 */
export function describeObject(obj: KubeObject, options: PrintOptions): string {
  const describer = DESCRIBERS[obj.kind] ?? describeGeneric;
  return describer(obj, options.api, options.now);
}
