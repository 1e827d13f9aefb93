/**
 * Mirrors pkg/controller/endpointslice/endpointslice_controller.go: watches Services, Pods and EndpointSlices,
 * queues the Service keys they concern, and syncs each Service's slices through the reconciler.
 *
 * Simplified: no endpointUpdatesBatchPeriod or endpointSliceChangeMinSyncDelay (keys are queued at once);
 * no node topology queue (zones are read from the Node on every sync); no legacy Endpoints object.
 */
import type { Pod, Service } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import type { EndpointSlice } from '../../api/other';
import { matchesMap } from '../../api/selectors';
import type { ApiServer } from '../../apiserver/store';
import type { ClusterContext, Controller } from '../../runtime/controller';
import { WorkQueue, keyOf, splitKey } from '../../runtime/workqueue';
import { reconcile } from './reconciler';
import { CONTROLLER_NAME, LABEL_MANAGED_BY, LABEL_SERVICE_NAME } from './utils';

/** The controller's name in the run loop and the trace. */
export const ENDPOINTSLICE_CONTROLLER = 'endpointslice-controller';

/** Starts the EndpointSlice controller: one slice per Service with a selector, kept in step with its pods. */
export function startEndpointSliceController(ctx: ClusterContext): Controller {
  const { api } = ctx;
  const queue = new WorkQueue(ctx.clock, ENDPOINTSLICE_CONTROLLER);

  api.watch('Service', (event) => queue.add(keyOf(event.object.metadata)));
  api.watch('Pod', (event) => {
    // A pod's old labels may have matched Services its new labels do not: queue both sets.
    for (const key of servicesForPod(api, event.object)) queue.add(key);
    if (event.old) for (const key of servicesForPod(api, event.old)) queue.add(key);
  });
  api.watch('EndpointSlice', (event) => {
    const slice = event.object as EndpointSlice;
    const serviceName = slice.metadata.labels?.[LABEL_SERVICE_NAME];
    const managed =
      slice.metadata.labels?.[LABEL_MANAGED_BY] === CONTROLLER_NAME ||
      event.old?.metadata.labels?.[LABEL_MANAGED_BY] === CONTROLLER_NAME;
    if (serviceName && managed) queue.add(`${slice.metadata.namespace}/${serviceName}`);
  });
  api.watch('Node', (event) => {
    // A zone label that changes moves the zone of every endpoint on that node.
    if (
      event.type === 'MODIFIED' &&
      event.old?.metadata.labels?.['topology.kubernetes.io/zone'] ===
        event.object.metadata.labels?.['topology.kubernetes.io/zone']
    )
      return;
    for (const pod of api.list<Pod>('Pod')) {
      if (pod.spec.nodeName === event.object.metadata.name)
        for (const key of servicesForPod(api, pod)) queue.add(key);
    }
  });

  // The informers' initial list: Services that existed before the controller started.
  for (const service of api.list<Service>('Service')) queue.add(keyOf(service.metadata));

  return {
    name: ENDPOINTSLICE_CONTROLLER,
    queue,
    sync: (key) => syncService(ctx, key),
  };
}

/** Keys of the Services in the pod's namespace whose selector matches its labels (getServicesForPod). */
function servicesForPod(api: ApiServer, pod: KubeObject): string[] {
  const out: string[] = [];
  for (const service of api.list<Service>('Service', pod.metadata.namespace)) {
    if (service.spec.selector && matchesMap(service.spec.selector, pod.metadata.labels))
      out.push(keyOf(service.metadata));
  }
  return out;
}

/** syncService: re-reads the Service, its pods and its slices, and reconciles. */
function syncService(ctx: ClusterContext, key: string): void {
  const { api } = ctx;
  const { namespace, name } = splitKey(key);
  const service = api.get<Service>('Service', namespace, name);
  // A deleted Service's slices go with it through their owner reference (garbage collector).
  if (!service) return;
  if (service.spec.type === 'ExternalName') return;
  // Services without a selector get no slices from this controller (users write them by hand).
  if (!service.spec.selector) return;
  const selector = service.spec.selector;
  const pods = api.list<Pod>('Pod', namespace).filter((p) => matchesMap(selector, p.metadata.labels));
  const slices = api
    .list<EndpointSlice>('EndpointSlice', namespace)
    .filter(
      (s) =>
        s.metadata.labels?.[LABEL_SERVICE_NAME] === name &&
        s.metadata.labels?.[LABEL_MANAGED_BY] === CONTROLLER_NAME &&
        !s.metadata.deletionTimestamp,
    );
  const result = reconcile(ctx, service, pods, slices);
  if (result.created || result.updated || result.deleted) {
    ctx.trace.record(
      ENDPOINTSLICE_CONTROLLER,
      key,
      'reconcile',
      `${pods.length} pods selected: ${result.created} slices created, ${result.updated} updated, ${result.deleted} deleted`,
    );
  }
  if (result.skipped.length) {
    ctx.trace.record(
      ENDPOINTSLICE_CONTROLLER,
      key,
      'skip',
      `pods on missing nodes left out: ${result.skipped.join(', ')}`,
    );
  }
}
