/**
 * Mirrors staging/src/k8s.io/endpointslice/reconciler.go (Reconcile, reconcileByPortMapping, finalize): turns
 * the pods matching a Service into EndpointSlices, reusing existing slices, with a placeholder slice when
 * there is nothing to publish.
 *
 * Simplified: one address type (IPv4); one slice per distinct port set (maxEndpointsPerSlice, 100 upstream,
 * is not enforced: every endpoint of a port set goes into one slice); endpoints in a slice are sorted by pod
 * name (upstream keeps existing order and appends new endpoints in map order); no topology hints or
 * trafficDistribution; no endpoint slice tracker (the store is read directly, so it is never stale).
 */
import type { Node, Pod, Service } from '../../api/core';
import type { Endpoint, EndpointPort, EndpointSlice } from '../../api/other';
import { deepEqual } from '../../apiserver/objects';
import type { ClusterContext } from '../../runtime/controller';
import {
  compareEndpoints,
  endpointSliceLabels,
  getEndpointPorts,
  newEndpointSlice,
  ownedBy,
  podToEndpoint,
  portMapKey,
  shouldPodBeInEndpoints,
} from './utils';

interface DesiredGroup {
  ports: EndpointPort[] | null;
  endpoints: Endpoint[];
}

/** What one reconcile decided, for the trace. */
export interface ReconcileResult {
  created: number;
  updated: number;
  deleted: number;
  /** Pods skipped because their Node does not exist. */
  skipped: string[];
}

/**
 * Brings the slices of `service` to the desired state for `pods` (already filtered by the selector, sorted).
 * `existing` are the slices labelled for this Service and managed by this controller, not being deleted.
 */
export function reconcile(
  ctx: ClusterContext,
  service: Service,
  pods: Pod[],
  existing: EndpointSlice[],
): ReconcileResult {
  const result: ReconcileResult = { created: 0, updated: 0, deleted: 0, skipped: [] };
  const desired = desiredGroups(ctx, service, pods, result);

  const toDelete: EndpointSlice[] = [];
  const existingByPortMap = new Map<string, EndpointSlice[]>();
  for (const slice of existing) {
    if (!ownedBy(slice, service) || slice.addressType !== 'IPv4') {
      toDelete.push(slice);
      continue;
    }
    const key = portMapKey(slice.ports);
    existingByPortMap.set(key, [...(existingByPortMap.get(key) ?? []), slice]);
  }

  const toUpdate: EndpointSlice[] = [];
  const toCreate: EndpointSlice[] = [];
  const unchanged: EndpointSlice[] = [];
  for (const [key, group] of desired) {
    const [keep, ...extra] = existingByPortMap.get(key) ?? [];
    toDelete.push(...extra);
    if (!keep) {
      toCreate.push(newEndpointSlice(service, group.ports, group.endpoints));
      continue;
    }
    const labels = endpointSliceLabels(service);
    if (deepEqual(keep.endpoints, group.endpoints) && deepEqual(keep.metadata.labels, labels)) {
      unchanged.push(keep);
      continue;
    }
    toUpdate.push({ ...keep, metadata: { ...keep.metadata, labels }, endpoints: group.endpoints });
  }
  for (const [key, slices] of existingByPortMap) {
    if (!desired.has(key)) toDelete.push(...slices);
  }

  // With nothing to publish, the Service still gets one empty placeholder slice.
  if (toCreate.length === 0 && toUpdate.length === 0 && unchanged.length === 0) {
    const placeholder = newEndpointSlice(service, null, []);
    const current = toDelete.find(
      (s) =>
        ownedBy(s, service) && isPlaceholder(s) && deepEqual(s.metadata.labels, placeholder.metadata.labels),
    );
    if (current && toDelete.length === 1) toDelete.length = 0;
    else toCreate.push(placeholder);
  }

  finalize(ctx, service, toCreate, toUpdate, toDelete, result);
  return result;
}

/** Desired endpoints grouped by their port set, endpoints sorted. */
function desiredGroups(
  ctx: ClusterContext,
  service: Service,
  pods: Pod[],
  result: ReconcileResult,
): Map<string, DesiredGroup> {
  const groups = new Map<string, DesiredGroup>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const node = pod.spec.nodeName ? ctx.api.get<Node>('Node', undefined, pod.spec.nodeName) : undefined;
    if (!node && !service.spec.publishNotReadyAddresses) {
      // A pod on a Node that no longer exists is left out until the pod is gone (or the Node returns).
      result.skipped.push(pod.metadata.name);
      continue;
    }
    const endpoint = podToEndpoint(pod, node, service);
    if (!endpoint.addresses.length) continue;
    const ports = getEndpointPorts(service, pod);
    const key = portMapKey(ports);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ports, endpoints: [] }));
    group.endpoints.push(endpoint);
  }
  for (const group of groups.values()) group.endpoints.sort(compareEndpoints);
  return groups;
}

function isPlaceholder(slice: EndpointSlice): boolean {
  return slice.endpoints.length === 0 && (slice.ports ?? []).length === 0;
}

/**
 * Writes the changes (finalize). A slice about to be deleted is reused for one about to be created, keeping
 * its name, so a placeholder `web-x7k2p` becomes the filled slice `web-x7k2p`.
 */
function finalize(
  ctx: ClusterContext,
  service: Service,
  toCreate: EndpointSlice[],
  toUpdate: EndpointSlice[],
  toDelete: EndpointSlice[],
  result: ReconcileResult,
): void {
  const { api } = ctx;
  for (let i = 0; i < toDelete.length && toCreate.length > 0;) {
    const old = toDelete[i]!;
    if (old.addressType === 'IPv4' && ownedBy(old, service)) {
      const fresh = toCreate.pop()!;
      toUpdate.push({
        ...old,
        metadata: { ...old.metadata, labels: fresh.metadata.labels },
        endpoints: fresh.endpoints,
        ports: fresh.ports,
      });
      toDelete.splice(i, 1);
    } else i++;
  }
  // No new slices for a Service on its way out: the garbage collector is removing them.
  if (!service.metadata.deletionTimestamp) {
    for (const slice of toCreate) {
      api.create(slice);
      result.created++;
    }
  }
  for (const slice of toUpdate) {
    api.mutate<EndpointSlice>('EndpointSlice', slice.metadata.namespace, slice.metadata.name, (draft) => {
      draft.metadata.labels = slice.metadata.labels;
      draft.endpoints = slice.endpoints;
      draft.ports = slice.ports;
    });
    result.updated++;
  }
  for (const slice of toDelete) {
    if (api.get('EndpointSlice', slice.metadata.namespace, slice.metadata.name)) {
      api.delete('EndpointSlice', slice.metadata.namespace, slice.metadata.name);
      result.deleted++;
    }
  }
}
