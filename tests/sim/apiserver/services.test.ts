import { describe, expect, it } from 'vitest';
import type { Service } from '../../../src/sim/api/core';
import { kubectlErrorMessage } from '../../../src/sim/apiserver/errors';
import { Cluster } from '../../../src/sim/cluster';
import { DEFAULT_NODES } from '../../../src/sim/scenarios/bootstrap';
import { apiError, meta, newApi } from './helpers';

function svc(name: string, spec: Partial<Service['spec']> = {}): Service {
  const base: Service['spec'] = { selector: { app: 'web' }, ports: [{ port: 80 }] };
  return { apiVersion: 'v1', kind: 'Service', metadata: meta(name), spec: { ...base, ...spec } };
}

describe('Service defaults', () => {
  it('fills type, affinity, families, policies and targetPort, and allocates a ClusterIP in 10.96.0.0/12', () => {
    const s = newApi().create(svc('web'));
    expect(s.spec).toMatchObject({
      type: 'ClusterIP',
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
    });
    const ip = s.spec.clusterIP!;
    expect(s.spec.clusterIPs).toEqual([ip]);
    const [a, b] = ip.split('.').map(Number);
    expect(a).toBe(10);
    expect(b! >= 96 && b! <= 111).toBe(true);
    expect(s.status).toEqual({ loadBalancer: {} });
  });

  it('keeps `clusterIP: None` for a headless Service, which needs no ports', () => {
    const s = newApi().create(svc('nginx', { clusterIP: 'None', ports: [] }));
    expect(s.spec.clusterIP).toBe('None');
    expect(s.spec.clusterIPs).toEqual(['None']);
  });
});

describe('ClusterIP allocation', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const ips = (seed: number) => {
      const api = newApi(seed);
      return ['a', 'b', 'c'].map((n) => api.create(svc(n)).spec.clusterIP);
    };
    expect(ips(7)).toEqual(ips(7));
    expect(ips(7)).not.toEqual(ips(8));
    expect(new Set(ips(7)).size).toBe(3);
  });

  it('never hands out the kubernetes or kube-dns IP, and honours a requested free IP', () => {
    const cluster = new Cluster({ seed: 3, nodes: DEFAULT_NODES });
    const api = cluster.api;
    const created = Array.from({ length: 50 }, (_, i) => api.create(svc(`s${i}`)).spec.clusterIP);
    expect(created).not.toContain('10.96.0.1');
    expect(created).not.toContain('10.96.0.10');
    expect(api.create(svc('fixed', { clusterIP: '10.96.0.50' })).spec.clusterIP).toBe('10.96.0.50');
  });

  it.each<[string, string]>([
    ['10.96.0.10', 'The Service "dup" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.10"]: failed to allocate IP 10.96.0.10: provided IP is already allocated'],
    [
      '192.168.1.1',
      'The Service "dup" is invalid: spec.clusterIPs: Invalid value: ["192.168.1.1"]: failed to allocate IP 192.168.1.1: the provided IP (192.168.1.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    ],
  ])('rejects a requested IP %s', (ip, message) => {
    const cluster = new Cluster({ seed: 3, nodes: DEFAULT_NODES });
    const before = cluster.api.currentResourceVersion();
    expect(kubectlErrorMessage(apiError(() => cluster.api.create(svc('dup', { clusterIP: ip }))))).toBe(message);
    expect(cluster.api.get('Service', 'default', 'dup')).toBeUndefined();
    expect(cluster.api.currentResourceVersion()).toBe(before);
  });
});

describe('Service validation', () => {
  it.each<[string, Service, string[]]>([
    ['ports required', svc('web', { ports: [] }), ['spec.ports: Required value']],
    [
      'DNS-1035 name',
      svc('1web'),
      [
        "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
      ],
    ],
    ['port names with several ports', svc('web', { ports: [{ port: 80 }, { port: 443 }] }), ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value']],
    ['port range', svc('web', { ports: [{ port: 70000 }] }), ['spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive', 'spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive']],
  ])('%s', (_n, s, causes) => {
    const api = newApi();
    expect(apiError(() => api.create(s)).details?.causes).toEqual(causes);
    expect(api.list('Service')).toEqual([]);
  });

  it('keeps the allocated IP on an update that leaves it out, and refuses a change', () => {
    const api = newApi();
    const s = api.create(svc('web'));
    const { clusterIP: _ip, clusterIPs: _ips, ...specWithoutIP } = s.spec;
    const updated = api.update<Service>({ ...s, spec: { ...specWithoutIP, ports: [{ port: 8080 }] } });
    expect(updated.spec.clusterIP).toBe(s.spec.clusterIP);
    const err = apiError(() => api.mutate<Service>('Service', 'default', 'web', (d) => void (d.spec.clusterIP = '10.96.5.5')));
    expect(kubectlErrorMessage(err)).toBe('The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: ["10.96.5.5"]: may not change once set');
    expect(api.get<Service>('Service', 'default', 'web')!.spec.clusterIP).toBe(s.spec.clusterIP);
  });
});
