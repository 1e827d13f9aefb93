/**
 * Mirrors staging/src/k8s.io/kubectl/pkg/drain/filters.go: which pods on a node drain may delete, and the
 * warnings and errors it reports for the others (DaemonSet-managed, mirror, local storage, unmanaged).
 * Simplified: Go's map order for grouping messages becomes the order of the filters; the simulator has no
 * DaemonSet kind, so a DaemonSet owner is never found.
 */
import type { Pod } from '../../api/core';

export const DAEMON_SET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
export const DAEMON_SET_WARNING = 'ignoring DaemonSet-managed Pods';
export const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
export const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
export const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
export const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

export interface PodDeleteStatus {
  delete: boolean;
  reason: 'Okay' | 'Skip' | 'Warning' | 'Error';
  message: string;
}

export interface DrainFilterOptions {
  force: boolean;
  ignoreAllDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  /** Does the DaemonSet named by a pod's controllerRef exist? (None do in the simulator.) */
  daemonSetExists?: (namespace: string, name: string) => boolean;
}

const okay = (): PodDeleteStatus => ({ delete: true, reason: 'Okay', message: '' });
const warning = (del: boolean, message: string): PodDeleteStatus => ({ delete: del, reason: 'Warning', message });
const error = (message: string): PodDeleteStatus => ({ delete: false, reason: 'Error', message });

function isFinished(pod: Pod): boolean {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
}

function controllerOf(pod: Pod) {
  return pod.metadata.ownerReferences?.find((o) => o.controller);
}

function daemonSetFilter(pod: Pod, o: DrainFilterOptions): PodDeleteStatus {
  const ref = controllerOf(pod);
  if (!ref || ref.kind !== 'DaemonSet' || ref.apiVersion !== 'apps/v1') return okay();
  if (isFinished(pod)) return okay();
  if (!(o.daemonSetExists?.(pod.metadata.namespace ?? 'default', ref.name) ?? false)) {
    const notFound = `daemonsets.apps "${ref.name}" not found`;
    return o.force ? warning(true, notFound) : error(notFound);
  }
  return o.ignoreAllDaemonSets ? warning(false, DAEMON_SET_WARNING) : error(DAEMON_SET_FATAL);
}

function mirrorPodFilter(pod: Pod): PodDeleteStatus {
  return pod.metadata.annotations && MIRROR_POD_ANNOTATION in pod.metadata.annotations ? { delete: false, reason: 'Skip', message: '' } : okay();
}

function localStorageFilter(pod: Pod, o: DrainFilterOptions): PodDeleteStatus {
  if (!(pod.spec.volumes ?? []).some((v) => v.emptyDir)) return okay();
  if (isFinished(pod)) return okay();
  return o.deleteEmptyDirData ? warning(true, LOCAL_STORAGE_WARNING) : error(LOCAL_STORAGE_FATAL);
}

function unreplicatedFilter(pod: Pod, o: DrainFilterOptions): PodDeleteStatus {
  if (isFinished(pod) || controllerOf(pod)) return okay();
  return o.force ? warning(true, UNMANAGED_WARNING) : error(UNMANAGED_FATAL);
}

/** filterPods: runs the filters in order, stopping at the first that keeps the pod; the last status wins. */
export function filterPods(pods: readonly Pod[], o: DrainFilterOptions): { pod: Pod; status: PodDeleteStatus }[] {
  const filters = [() => okay(), daemonSetFilter, mirrorPodFilter, localStorageFilter, unreplicatedFilter] as ((p: Pod, o: DrainFilterOptions) => PodDeleteStatus)[];
  return pods.map((pod) => {
    let status = okay();
    for (const f of filters) {
      status = f(pod, o);
      if (!status.delete) break;
    }
    return { pod, status };
  });
}

function group(list: { pod: Pod; status: PodDeleteStatus }[], reason: 'Warning' | 'Error'): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { pod, status } of list) {
    if (status.reason !== reason) continue;
    const msg = status.message || 'unexpected error';
    out.set(msg, [...(out.get(msg) ?? []), `${pod.metadata.namespace}/${pod.metadata.name}`]);
  }
  return out;
}

/** PodDeleteList.Warnings: `msg: ns/a, ns/b` groups joined by `; ` (empty when none). */
export function deleteListWarnings(list: { pod: Pod; status: PodDeleteStatus }[]): string {
  return [...group(list, 'Warning')].map(([msg, pods]) => `${msg}: ${pods.join(', ')}`).join('; ');
}

/** PodDeleteList.errors: one `cannot delete <msg>: ns/a, ns/b` per message. */
export function deleteListErrors(list: { pod: Pod; status: PodDeleteStatus }[]): string[] {
  return [...group(list, 'Error')].map(([msg, pods]) => `cannot delete ${msg}: ${pods.join(', ')}`);
}
