/**
 * Cluster DNS as CoreDNS's kubernetes plugin answers it (plugin/kubernetes: kubernetes.go findServices,
 * reverse.go serviceRecordForIP), following the Kubernetes DNS specification: a pure function of Services and
 * EndpointSlices.
 *
 * Simplified: A, SRV and PTR only (no AAAA, no CNAME for ExternalName Services, no wildcards); answers are
 * sorted by address instead of shuffled by the `loadbalance` plugin; pod records (`a-b-c-d.<ns>.pod`) answer
 * any IP, as `pods insecure` does.
 */
import type { Service } from '../api/core';
import type { Endpoint, EndpointSlice } from '../api/other';
import type { ApiServer } from '../apiserver/store';
import { CLUSTER_DOMAIN } from '../scenarios/bootstrap';
import { candidateNames, dashedIP, ipFromReverseName, parseName } from './names';

export type RecordType = 'A' | 'SRV' | 'PTR';

/** An SRV answer: `<priority> <weight> <port> <target>`. */
export interface SrvRecord {
  priority: number;
  weight: number;
  port: number;
  target: string;
}

export interface DnsOptions {
  /** Record type; A unless given. */
  type?: RecordType;
  /** The asking pod's namespace: turns on search path expansion. Without it the query must be fully qualified. */
  namespace?: string;
  clusterDomain?: string;
}

/** The answer to one query. `name` is the fully qualified name that answered (or the last one tried). */
export interface DnsAnswer {
  rcode: 'NOERROR' | 'NXDOMAIN';
  name: string;
  a: string[];
  srv: SrvRecord[];
  ptr: string[];
}

const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';

/**
 * Resolves `query` the way a pod's resolver and CoreDNS together would: tries each candidate name from the
 * search path and returns the first with records of the requested type, else NXDOMAIN.
 */
export function resolve(api: ApiServer, query: string, options: DnsOptions = {}): DnsAnswer {
  const type = options.type ?? 'A';
  const domain = options.clusterDomain ?? CLUSTER_DOMAIN;
  const names =
    type === 'PTR'
      ? [query.toLowerCase().replace(/\.$/, '')]
      : candidateNames(query, options.namespace, domain);
  let last = names[names.length - 1] ?? query;
  for (const name of names) {
    last = name;
    const answer = lookup(api, name, type, domain);
    if (answer) return answer;
  }
  return { rcode: 'NXDOMAIN', name: last, a: [], srv: [], ptr: [] };
}

/** The names that point back at `ip` (PTR), or [] when none: Service cluster IPs, then endpoint addresses. */
export function reverseLookup(api: ApiServer, ip: string, clusterDomain = CLUSTER_DOMAIN): string[] {
  const services = api
    .list<Service>('Service')
    .filter((s) => s.spec.clusterIP === ip || (s.spec.clusterIPs ?? []).includes(ip));
  if (services.length)
    return services.map((s) => `${s.metadata.name}.${s.metadata.namespace}.svc.${clusterDomain}`);
  const out: string[] = [];
  for (const slice of api.list<EndpointSlice>('EndpointSlice')) {
    const service = slice.metadata.labels?.[LABEL_SERVICE_NAME];
    if (!service) continue;
    for (const ep of readyEndpoints(slice)) {
      if (ep.addresses.includes(ip))
        out.push(`${endpointHostname(ep, ip)}.${service}.${slice.metadata.namespace}.svc.${clusterDomain}`);
    }
  }
  return [...new Set(out)];
}

function lookup(api: ApiServer, name: string, type: RecordType, domain: string): DnsAnswer | undefined {
  const answer: DnsAnswer = { rcode: 'NOERROR', name, a: [], srv: [], ptr: [] };
  if (type === 'PTR') {
    const ip = ipFromReverseName(name);
    answer.ptr = ip ? reverseLookup(api, ip, domain) : [];
    return answer.ptr.length ? answer : undefined;
  }
  const parsed = parseName(name, domain);
  if (parsed.form === 'pod') {
    if (type !== 'A') return undefined;
    answer.a = [parsed.ip];
    return answer;
  }
  if (parsed.form === 'other') return undefined;
  const service = api.get<Service>('Service', parsed.namespace, parsed.service);
  if (!service || service.metadata.namespace !== parsed.namespace) return undefined;
  const headless = service.spec.clusterIP === 'None';
  const fqdn = `${parsed.service}.${parsed.namespace}.svc.${domain}`;
  const endpoints = serviceEndpoints(api, service);

  if (parsed.form === 'service' && type === 'A') {
    answer.a = headless
      ? unique(endpoints.map((e) => e.ip))
      : service.spec.clusterIP
        ? [service.spec.clusterIP]
        : [];
  } else if (parsed.form === 'endpoint' && type === 'A') {
    answer.a = unique(endpoints.filter((e) => e.hostname === parsed.endpoint).map((e) => e.ip));
  } else if (parsed.form === 'srv' && type === 'SRV') {
    answer.srv = srvRecords(service, endpoints, parsed.port, parsed.protocol, fqdn);
  }
  return answer.a.length || answer.srv.length ? answer : undefined;
}

interface ReadyAddress {
  ip: string;
  /** The endpoint's hostname, or its dashed IP. */
  hostname: string;
  ports: { name: string; protocol: string; port: number }[];
}

/** Ready addresses of the Service's slices, sorted by IP. Not-ready ones are published only via `ready: true`. */
function serviceEndpoints(api: ApiServer, service: Service): ReadyAddress[] {
  const out: ReadyAddress[] = [];
  for (const slice of api.list<EndpointSlice>('EndpointSlice', service.metadata.namespace)) {
    if (slice.metadata.labels?.[LABEL_SERVICE_NAME] !== service.metadata.name || slice.addressType !== 'IPv4')
      continue;
    const ports = (slice.ports ?? []).map((p) => ({
      name: p.name ?? '',
      protocol: p.protocol ?? 'TCP',
      port: p.port ?? 0,
    }));
    for (const ep of readyEndpoints(slice)) {
      for (const ip of ep.addresses) out.push({ ip, hostname: endpointHostname(ep, ip), ports });
    }
  }
  return out.sort((a, b) => compareIPs(a.ip, b.ip));
}

/** Endpoints CoreDNS serves: ready, or with no ready condition at all (treated as ready). */
function readyEndpoints(slice: EndpointSlice): Endpoint[] {
  return slice.endpoints.filter((ep) => ep.conditions.ready !== false);
}

function endpointHostname(ep: Endpoint, ip: string): string {
  return ep.hostname || dashedIP(ip);
}

function srvRecords(
  service: Service,
  endpoints: ReadyAddress[],
  portName: string,
  protocol: string,
  fqdn: string,
): SrvRecord[] {
  const proto = protocol.toUpperCase();
  if (service.spec.clusterIP !== 'None') {
    const port = (service.spec.ports ?? []).find(
      (p) => p.name === portName && (p.protocol ?? 'TCP') === proto,
    );
    return port ? [{ priority: 0, weight: 100, port: port.port, target: fqdn }] : [];
  }
  const matches = endpoints.flatMap((e) =>
    e.ports
      .filter((p) => p.name === portName && p.protocol === proto)
      .map((p) => ({ port: p.port, target: `${e.hostname}.${fqdn}` })),
  );
  const weight = matches.length ? Math.floor(100 / matches.length) : 0;
  return matches.map((m) => ({ priority: 0, weight, port: m.port, target: m.target }));
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

function compareIPs(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
