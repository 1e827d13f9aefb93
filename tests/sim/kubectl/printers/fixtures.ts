/** Shared builders for the printer tests: a real ApiServer on a virtual clock, and objects as the API holds them. */
import type { ContainerStatus, Pod } from '../../../../src/sim/api/core';
import type { PrintOptions } from '../../../../src/sim/kubectl/printers';
import { ApiServer } from '../../../../src/sim/apiserver/store';
import { toTimestamp, VirtualClock } from '../../../../src/sim/runtime/clock';
import { SeededRandom } from '../../../../src/sim/runtime/random';

export function newApi(): ApiServer {
  const clock = new VirtualClock();
  const api = new ApiServer(clock, new SeededRandom(7), 7);
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' }, status: { phase: 'Active' } } as never);
  return api;
}

export function options(api: ApiServer, now: number, extra: Partial<PrintOptions> = {}): PrintOptions {
  return { api, now, wide: false, withKind: false, withNamespace: false, noHeaders: false, showLabels: false, labelColumns: [], ...extra };
}

export const ts = (seconds: number): string => toTimestamp(seconds * 1000);

export function running(name: string, ready: boolean, restartCount = 0): ContainerStatus {
  return { name, state: { running: { startedAt: ts(10) } }, lastState: {}, ready, restartCount, image: 'nginx:1.27', imageID: 'docker.io/library/nginx@sha256:abcd', containerID: 'containerd://4f1c', started: true };
}

/** A pod as the API server holds it after defaulting and admission, not yet scheduled. */
export function pod(name: string, patch: Partial<Pod['status']> = {}, created = 0): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: ts(created) },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ name: 'web', containerPort: 80, protocol: 'TCP' }] }] },
    status: { phase: 'Pending', ...patch },
  };
}
