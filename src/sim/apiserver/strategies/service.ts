/**
 * Service strategy (pkg/registry/core/service/strategy.go) with the ClusterIP allocation the service REST
 * storage does (pkg/registry/core/service/ipallocator): defaults, single-stack IPv4 families, and a
 * random free address from the upper band of 10.96.0.0/12, drawn from the seeded api.random. Allocation runs
 * after validation succeeds (from `validate`), as upstream allocates only for a valid Service.
 * Simplified: no NodePort allocation, no dual stack.
 */
import type { Service } from '../../api/core';
import type { FieldError } from '../errors';
import { fieldInvalid } from '../errors';
import type { ApiServer, Strategy } from '../store';
import { isHeadless, validateService, validateServiceUpdate } from '../validation/service';
import { setDefaultsService } from './defaults';

/** The service CIDR (--service-cluster-ip-range). */
export const SERVICE_CIDR = '10.96.0.0/12';
const BASE = ipToInt('10.96.0.0');
const SIZE = 1 << 20;
/** Addresses below this offset form the static band, left for explicit assignment (KEP-3070). */
const STATIC_BAND = 256;
/** Never handed out at random: the `kubernetes` and `kube-dns` Service IPs. */
const RESERVED = new Set(['10.96.0.1', '10.96.0.10']);

function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** True when `ip` lies in the service CIDR, excluding its network and broadcast addresses. */
export function inServiceRange(ip: string): boolean {
  const offset = ipToInt(ip) - BASE;
  return offset > 0 && offset < SIZE - 1;
}

function allocatedIPs(api: ApiServer): Set<string> {
  const used = new Set<string>();
  for (const svc of api.list<Service>('Service')) for (const ip of svc.spec.clusterIPs ?? []) used.add(ip);
  return used;
}

/** A free ClusterIP, drawn with api.random from the dynamic band, skipping reserved and used addresses. */
export function allocateClusterIP(api: ApiServer): string {
  const used = allocatedIPs(api);
  for (;;) {
    const ip = intToIp(BASE + api.random.int(STATIC_BAND, SIZE - 2));
    if (!used.has(ip) && !RESERVED.has(ip)) return ip;
  }
}

function allocate(svc: Service, api: ApiServer): FieldError[] {
  const spec = svc.spec;
  if (spec.type === 'ExternalName' || isHeadless(svc)) return [];
  if (!spec.clusterIP) {
    spec.clusterIP = allocateClusterIP(api);
    spec.clusterIPs = [spec.clusterIP];
    return [];
  }
  const ip = spec.clusterIP;
  if (!inServiceRange(ip)) {
    return [fieldInvalid('spec.clusterIPs', spec.clusterIPs, `failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`)];
  }
  if (allocatedIPs(api).has(ip)) return [fieldInvalid('spec.clusterIPs', spec.clusterIPs, `failed to allocate IP ${ip}: provided IP is already allocated`)];
  return [];
}

function setIPFamilies(svc: Service): void {
  const spec = svc.spec;
  if (spec.type === 'ExternalName') return;
  spec.ipFamilies ??= ['IPv4'];
  spec.ipFamilyPolicy ??= isHeadless(svc) && !spec.selector ? 'RequireDualStack' : 'SingleStack';
}

/** normalizeClusterIPs: clusterIPs follows clusterIP when only clusterIP was given or changed. */
function normalizeClusterIPs(svc: Service, old?: Service): void {
  const spec = svc.spec;
  if (!spec.clusterIP) return;
  if (!spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
  else if (old && spec.clusterIP !== old.spec.clusterIP && spec.clusterIPs[0] === old.spec.clusterIP) spec.clusterIPs = [spec.clusterIP, ...spec.clusterIPs.slice(1)];
}

export const serviceStrategy: Strategy = {
  hasStatusSubresource: true,
  prepareForCreate(obj) {
    const svc = obj as Service;
    setDefaultsService(svc);
    normalizeClusterIPs(svc);
    setIPFamilies(svc);
    svc.status = { loadBalancer: {} };
  },
  validate(obj, api) {
    const svc = obj as Service;
    const errs = validateService(svc);
    return errs.length ? errs : allocate(svc, api);
  },
  prepareForUpdate(obj, old) {
    const svc = obj as Service;
    const prev = old as Service;
    setDefaultsService(svc);
    // patchAllocatedValues: an update that leaves the IP out keeps the allocated one.
    if (svc.spec.type !== 'ExternalName' && prev.spec.type !== 'ExternalName' && !svc.spec.clusterIP && !svc.spec.clusterIPs?.length) {
      if (prev.spec.clusterIP) svc.spec.clusterIP = prev.spec.clusterIP;
      if (prev.spec.clusterIPs) svc.spec.clusterIPs = [...prev.spec.clusterIPs];
    }
    normalizeClusterIPs(svc, prev);
    if (svc.spec.type !== 'ExternalName') {
      svc.spec.ipFamilies ??= prev.spec.ipFamilies;
      svc.spec.ipFamilyPolicy ??= prev.spec.ipFamilyPolicy;
    }
    setIPFamilies(svc);
  },
  validateUpdate: (obj, old) => validateServiceUpdate(obj as Service, old as Service),
};
