import { describe, expect, it } from 'vitest';
import { candidateNames, resolve, reverseLookup } from '../../../src/sim/dns';
import { harness, makePod, makeService, setReady, statefulSetBasics } from './fixtures';

describe('candidateNames (resolv.conf search, ndots:5)', () => {
  it.each([
    [
      'web-0.nginx',
      'default',
      [
        'web-0.nginx.default.svc.cluster.local',
        'web-0.nginx.svc.cluster.local',
        'web-0.nginx.cluster.local',
        'web-0.nginx',
      ],
    ],
    [
      'nginx',
      'prod',
      ['nginx.prod.svc.cluster.local', 'nginx.svc.cluster.local', 'nginx.cluster.local', 'nginx'],
    ],
    ['nginx.default.svc.cluster.local.', 'prod', ['nginx.default.svc.cluster.local']],
    [
      'a.b.c.d.e.f',
      'default',
      [
        'a.b.c.d.e.f',
        'a.b.c.d.e.f.default.svc.cluster.local',
        'a.b.c.d.e.f.svc.cluster.local',
        'a.b.c.d.e.f.cluster.local',
      ],
    ],
  ])('%s from namespace %s', (name, ns, expected) => {
    expect(candidateNames(name, ns)).toEqual(expected);
  });
});

describe('resolve', () => {
  const h = harness();
  statefulSetBasics(h);
  makeService(h, 'web', {
    clusterIP: '10.96.45.7',
    selector: { app: 'nginx' },
    ports: [{ name: 'http', port: 8080, protocol: 'TCP', targetPort: 80 }],
  });
  makeService(h, 'db', { clusterIP: 'None', selector: { app: 'db' } });
  makePod(h, 'db-0', {
    labels: { app: 'db' },
    hostname: 'db-0',
    subdomain: 'db',
    ip: '10.244.2.4',
    ready: false,
  });
  makeService(h, 'peers', { clusterIP: 'None', selector: { app: 'db' }, publishNotReadyAddresses: true });

  it.each([
    ['web-0.nginx', 'default', ['10.244.1.6']],
    ['web-1.nginx.default.svc.cluster.local', 'prod', ['10.244.3.6']],
    ['nginx', 'default', ['10.244.1.6', '10.244.3.6']],
    ['nginx.default', 'kube-system', ['10.244.1.6', '10.244.3.6']],
    ['web', 'default', ['10.96.45.7']],
    ['kubernetes.default', 'default', ['10.96.0.1']],
    ['kubernetes', 'default', ['10.96.0.1']],
    ['kube-dns.kube-system', 'default', ['10.96.0.10']],
    ['10-244-1-6.web.default.svc.cluster.local', undefined, ['10.244.1.6']],
    ['10-244-9-9.default.pod.cluster.local', undefined, ['10.244.9.9']],
    ['peers', 'default', ['10.244.2.4']],
    ['db-0.peers', 'default', []],
  ])('A %s (from %s) -> %j', (name, namespace, expected) => {
    const answer = resolve(h.api, name, { namespace });
    expect(answer.a).toEqual(expected);
    expect(answer.rcode).toBe(expected.length ? 'NOERROR' : 'NXDOMAIN');
  });

  it.each([
    ['db', 'a headless Service with no ready endpoints'],
    ['db-0.db', 'a not-ready pod behind a headless Service'],
    ['nginx', 'a name outside the namespace (nginx.prod)'],
    ['missing', 'a name nobody defined'],
  ])('NXDOMAIN for %s: %s', (name, _why) => {
    expect(resolve(h.api, name, { namespace: name === 'nginx' ? 'prod' : 'default' }).rcode).toBe('NXDOMAIN');
  });

  it('answers SRV for a headless Service with one record per ready endpoint', () => {
    expect(resolve(h.api, '_web._tcp.nginx', { namespace: 'default', type: 'SRV' }).srv).toEqual([
      { priority: 0, weight: 50, port: 80, target: 'web-0.nginx.default.svc.cluster.local' },
      { priority: 0, weight: 50, port: 80, target: 'web-1.nginx.default.svc.cluster.local' },
    ]);
  });

  it('answers SRV for a ClusterIP Service with the Service name', () => {
    expect(resolve(h.api, '_http._tcp.web.default.svc.cluster.local', { type: 'SRV' }).srv).toEqual([
      { priority: 0, weight: 100, port: 8080, target: 'web.default.svc.cluster.local' },
    ]);
    expect(resolve(h.api, '_http._udp.web.default.svc.cluster.local', { type: 'SRV' }).rcode).toBe(
      'NXDOMAIN',
    );
  });

  it.each([
    ['10.96.0.10', ['kube-dns.kube-system.svc.cluster.local']],
    ['10.96.45.7', ['web.default.svc.cluster.local']],
    ['10.244.1.6', ['web-0.nginx.default.svc.cluster.local', '10-244-1-6.web.default.svc.cluster.local']],
    // db-0's subdomain is db, so in peers its endpoint has no hostname: CoreDNS names it by its dashed IP.
    ['10.244.2.4', ['10-244-2-4.peers.default.svc.cluster.local']],
    ['10.244.7.7', []],
  ])('PTR %s -> %j', (ip, names) => {
    expect(reverseLookup(h.api, ip)).toEqual(names);
    const answer = resolve(h.api, ip.split('.').reverse().join('.') + '.in-addr.arpa', { type: 'PTR' });
    expect(answer.ptr).toEqual(names);
  });

  it('drops a pod from DNS when it stops being ready, and brings it back', () => {
    const g = harness();
    statefulSetBasics(g);
    setReady(g, 'web-0', false);
    expect(resolve(g.api, 'web-0.nginx', { namespace: 'default' }).rcode).toBe('NXDOMAIN');
    expect(resolve(g.api, 'nginx', { namespace: 'default' }).a).toEqual(['10.244.3.6']);
    setReady(g, 'web-0', true);
    expect(resolve(g.api, 'web-0.nginx', { namespace: 'default' }).a).toEqual(['10.244.1.6']);
  });

  it('drops a terminating pod unless the Service publishes not-ready addresses', () => {
    const g = harness();
    statefulSetBasics(g);
    g.api.delete('Pod', 'default', 'web-1');
    g.settle();
    expect(resolve(g.api, 'web-1.nginx', { namespace: 'default' }).rcode).toBe('NXDOMAIN');
  });
});
