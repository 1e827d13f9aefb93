import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../src/sim/api/core';
import type { EndpointSlice } from '../../../src/sim/api/other';
import { harness, makePod, makeService, setPodStatus, setReady, statefulSetBasics } from './fixtures';
import type { Harness } from './fixtures';

function slicesOf(h: Harness, service: string, namespace = 'default'): EndpointSlice[] {
  return h.api
    .list<EndpointSlice>('EndpointSlice', namespace)
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === service);
}

function only(h: Harness, service: string): EndpointSlice {
  const slices = slicesOf(h, service);
  expect(slices).toHaveLength(1);
  return slices[0]!;
}

describe('EndpointSlice controller', () => {
  it('gives a Service with no pods one placeholder slice named from generateName', () => {
    const h = harness();
    const svc = makeService(h, 'nginx');
    const slice = only(h, 'nginx');
    expect(slice.metadata.name).toMatch(/^nginx-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.metadata.labels).toEqual({
      app: 'nginx',
      'kubernetes.io/service-name': 'nginx',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      'service.kubernetes.io/headless': '',
    });
    expect(slice.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Service',
        name: 'nginx',
        uid: svc.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(slice.addressType).toBe('IPv4');
    expect(slice.endpoints).toEqual([]);
    expect(slice.ports).toBeNull();
  });

  it('fills the same slice with the pods, sorted, with hostname, nodeName, zone and targetRef', () => {
    const h = harness();
    makeService(h, 'nginx');
    const placeholder = only(h, 'nginx').metadata.name;
    statefulSetBasics(h, false);
    const slice = only(h, 'nginx');
    expect(slice.metadata.name).toBe(placeholder);
    expect(slice.ports).toEqual([{ name: 'web', port: 80, protocol: 'TCP' }]);
    const web0 = h.api.get('Pod', 'default', 'web-0')!;
    expect(slice.endpoints).toEqual([
      {
        addresses: ['10.244.1.6'],
        conditions: { ready: true, serving: true, terminating: false },
        hostname: 'web-0',
        nodeName: 'node-1',
        zone: 'zone-a',
        targetRef: { kind: 'Pod', namespace: 'default', name: 'web-0', uid: web0.metadata.uid },
      },
      expect.objectContaining({
        addresses: ['10.244.3.6'],
        hostname: 'web-1',
        nodeName: 'node-3',
        zone: 'zone-b',
      }),
    ]);
  });

  it('sets the hostname only when the pod subdomain names the Service', () => {
    const h = harness();
    makeService(h, 'web', { clusterIP: '10.96.100.1' });
    makePod(h, 'web-0', { hostname: 'web-0', subdomain: 'nginx', ip: '10.244.1.6' });
    const slice = only(h, 'web');
    expect(slice.endpoints[0]!.hostname).toBeUndefined();
    expect(slice.metadata.labels?.['service.kubernetes.io/headless']).toBeUndefined();
  });

  it('leaves out pods without an IP and finished pods', () => {
    const h = harness();
    makeService(h, 'nginx');
    makePod(h, 'pending');
    makePod(h, 'done', { ip: '10.244.1.9' });
    h.api.mutate<Pod>('Pod', 'default', 'done', (p) => void (p.status.phase = 'Succeeded'), {
      subresource: 'status',
    });
    h.settle();
    expect(only(h, 'nginx').endpoints).toEqual([]);
  });

  it.each([
    { publish: false, ready: { ready: false, serving: false, terminating: false } },
    { publish: true, ready: { ready: true, serving: false, terminating: false } },
  ])('a not-ready pod with publishNotReadyAddresses=$publish has conditions $ready', ({ publish, ready }) => {
    const h = harness();
    makeService(h, 'nginx', { publishNotReadyAddresses: publish });
    makePod(h, 'web-0', { ip: '10.244.1.6', ready: false });
    expect(only(h, 'nginx').endpoints[0]!.conditions).toEqual(ready);
  });

  it('tracks conditions through termination until the pod is gone', () => {
    const h = harness();
    makeService(h, 'nginx');
    makePod(h, 'web-0', { ip: '10.244.1.6' });
    const name = only(h, 'nginx').metadata.name;
    h.api.delete('Pod', 'default', 'web-0');
    h.settle();
    expect(only(h, 'nginx').endpoints[0]!.conditions).toEqual({
      ready: false,
      serving: true,
      terminating: true,
    });
    setReady(h, 'web-0', false);
    expect(only(h, 'nginx').endpoints[0]!.conditions).toEqual({
      ready: false,
      serving: false,
      terminating: true,
    });
    h.api.delete('Pod', 'default', 'web-0', { gracePeriodSeconds: 0 });
    h.settle();
    const slice = only(h, 'nginx');
    expect(slice.metadata.name).toBe(name);
    expect(slice.endpoints).toEqual([]);
  });

  it('resolves a named targetPort against the container ports', () => {
    const h = harness();
    makeService(h, 'web', {
      clusterIP: '10.96.100.1',
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'web-port' }],
    });
    makePod(h, 'a', {
      ip: '10.244.1.2',
      containers: [
        { name: 'app', image: 'nginx', ports: [{ name: 'web-port', containerPort: 8080, protocol: 'TCP' }] },
      ],
    });
    expect(only(h, 'web').ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
  });

  it('drops a pod whose labels stop matching, and ignores Services without a selector', () => {
    const h = harness();
    makeService(h, 'nginx');
    makeService(h, 'manual', { selector: null, clusterIP: '10.96.100.2' });
    makePod(h, 'web-0', { ip: '10.244.1.6' });
    expect(only(h, 'nginx').endpoints).toHaveLength(1);
    h.api.mutate<Pod>('Pod', 'default', 'web-0', (p) => void (p.metadata.labels = { app: 'other' }));
    h.settle();
    expect(only(h, 'nginx').endpoints).toEqual([]);
    expect(slicesOf(h, 'manual')).toEqual([]);
  });

  it('re-creates a slice someone deleted, and updates a changed pod IP', () => {
    const h = harness();
    makeService(h, 'nginx');
    makePod(h, 'web-0', { ip: '10.244.1.6' });
    h.api.delete('EndpointSlice', 'default', only(h, 'nginx').metadata.name);
    h.settle();
    expect(only(h, 'nginx').endpoints[0]!.addresses).toEqual(['10.244.1.6']);
    setPodStatus(h, 'web-0', { ip: '10.244.1.7', ready: true });
    expect(only(h, 'nginx').endpoints[0]!.addresses).toEqual(['10.244.1.7']);
  });

  it('is deterministic: same seed, same slice names', () => {
    const names = [1, 2].map(() => {
      const h = harness(42);
      makeService(h, 'nginx');
      return only(h, 'nginx').metadata.name;
    });
    expect(names[0]).toBe(names[1]);
  });
});
