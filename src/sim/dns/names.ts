/**
 * Mirrors the name forms of the Kubernetes DNS specification (kubernetes/dns docs/specification.md) and the
 * resolver's search rules (resolv.conf `search` and `ndots:5`, as the kubelet writes them for ClusterFirst
 * pods).
 *
 * Simplified: only `cluster.local`; no `hostAliases`, no custom dnsConfig.
 */
import { CLUSTER_DOMAIN } from '../scenarios/bootstrap';

/** The resolv.conf `ndots` option the kubelet writes for cluster-first pods. */
export const NDOTS = 5;

/** The search domains of a pod in `namespace`: `<ns>.svc.cluster.local svc.cluster.local cluster.local`. */
export function searchDomains(namespace: string, clusterDomain = CLUSTER_DOMAIN): string[] {
  return [`${namespace}.svc.${clusterDomain}`, `svc.${clusterDomain}`, clusterDomain];
}

/**
 * The fully qualified names a resolver tries for `name`, in order (res_search): an absolute name (trailing
 * dot) only as is; a name with at least `ndots` dots as is first, then with each search domain; otherwise
 * each search domain first, then as is.
 */
export function candidateNames(
  name: string,
  namespace: string | undefined,
  clusterDomain = CLUSTER_DOMAIN,
): string[] {
  const lower = name.toLowerCase();
  if (lower.endsWith('.')) return [lower.slice(0, -1)];
  if (namespace === undefined) return [lower];
  const searched = searchDomains(namespace, clusterDomain).map((d) => `${lower}.${d}`);
  const dots = lower.split('.').length - 1;
  return dots >= NDOTS ? [lower, ...searched] : [...searched, lower];
}

/** `10-244-1-6` for `10.244.1.6`: the name CoreDNS gives an endpoint without a hostname. */
export function dashedIP(ip: string): string {
  return ip.replace(/\./g, '-');
}

/** `6.1.244.10.in-addr.arpa` for `10.244.1.6`. */
export function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}

/** The IPv4 address a reverse name stands for, or undefined when it is not one. */
export function ipFromReverseName(name: string): string | undefined {
  const m = name.match(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.in-addr\.arpa$/);
  return m ? [m[4], m[3], m[2], m[1]].join('.') : undefined;
}

/** True for a dotted IPv4 address. */
export function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** The parts of a query name inside the cluster domain. */
export type ParsedName =
  | { form: 'service'; service: string; namespace: string }
  | { form: 'endpoint'; endpoint: string; service: string; namespace: string }
  | { form: 'srv'; port: string; protocol: string; service: string; namespace: string }
  | { form: 'pod'; ip: string; namespace: string }
  | { form: 'other' };

/** Splits `<...>.svc.cluster.local` and `<...>.pod.cluster.local` names into their parts (parseRequest). */
export function parseName(fqdn: string, clusterDomain = CLUSTER_DOMAIN): ParsedName {
  const suffix = `.${clusterDomain}`;
  if (!fqdn.endsWith(suffix)) return { form: 'other' };
  const labels = fqdn.slice(0, -suffix.length).split('.');
  const kind = labels.pop();
  if (kind === 'pod' && labels.length === 2) {
    const ip = labels[0]!.replace(/-/g, '.');
    return isIPv4(ip) ? { form: 'pod', ip, namespace: labels[1]! } : { form: 'other' };
  }
  if (kind !== 'svc') return { form: 'other' };
  if (labels.length === 2) return { form: 'service', service: labels[0]!, namespace: labels[1]! };
  if (labels.length === 3)
    return { form: 'endpoint', endpoint: labels[0]!, service: labels[1]!, namespace: labels[2]! };
  if (labels.length === 4 && labels[0]!.startsWith('_') && labels[1]!.startsWith('_')) {
    return {
      form: 'srv',
      port: labels[0]!.slice(1),
      protocol: labels[1]!.slice(1),
      service: labels[2]!,
      namespace: labels[3]!,
    };
  }
  return { form: 'other' };
}
