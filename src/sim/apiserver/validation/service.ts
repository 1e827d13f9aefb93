/**
 * Service validation (pkg/apis/core/validation/validation.go: ValidateService, ValidateServiceUpdate,
 * validateUpgradeDowngradeClusterIPs). Simplified: single-stack IPv4 only; nodePort, load balancer and
 * external traffic policy fields are not checked.
 */
import type { Service } from '../../api/core';
import type { FieldError } from '../errors';
import { fieldDuplicate, fieldInvalid, fieldRequired, fieldUnsupported } from '../errors';
import { isValidPortName, isValidPortNum, nameIsDNS1035Label } from './names';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const IPV4 = /^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$/;

/** True for a dotted-quad IPv4 address. */
export function isIPv4(ip: string): boolean {
  return IPV4.test(ip);
}

/** True when the Service is headless (`clusterIP: None`). */
export function isHeadless(svc: Service): boolean {
  return svc.spec.clusterIP === 'None';
}

/** ValidateService: a DNS-1035 name, a supported type, ports (required unless headless or ExternalName), cluster IPs. */
export function validateService(svc: Service): FieldError[] {
  const errs = validateObjectMeta(svc.metadata, true, nameIsDNS1035Label);
  const spec = svc.spec;
  const type = spec.type ?? '';
  if (!SERVICE_TYPES.includes(type)) errs.push(fieldUnsupported('spec.type', type, SERVICE_TYPES));
  if (type === 'ExternalName') {
    if (!spec.externalName) errs.push(fieldRequired('spec.externalName'));
  } else if (!isHeadless(svc) && !(spec.ports?.length)) {
    errs.push(fieldRequired('spec.ports'));
  }
  const ports = spec.ports ?? [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const p = `spec.ports[${i}]`;
    if (ports.length > 1 && !port.name) errs.push(fieldRequired(`${p}.name`));
    else if (port.name) {
      errs.push(...isValidPortName(port.name).map((msg) => fieldInvalid(`${p}.name`, port.name, msg)));
      if (names.has(port.name)) errs.push(fieldDuplicate(`${p}.name`, port.name));
      else names.add(port.name);
    }
    errs.push(...isValidPortNum(port.port).map((msg) => fieldInvalid(`${p}.port`, port.port, msg)));
    if (!port.protocol) errs.push(fieldRequired(`${p}.protocol`));
    else if (!PROTOCOLS.includes(port.protocol)) errs.push(fieldUnsupported(`${p}.protocol`, port.protocol, PROTOCOLS));
    const target = port.targetPort;
    if (typeof target === 'number') errs.push(...isValidPortNum(target).map((msg) => fieldInvalid(`${p}.targetPort`, target, msg)));
    else if (typeof target === 'string') errs.push(...isValidPortName(target).map((msg) => fieldInvalid(`${p}.targetPort`, target, msg)));
  });
  (spec.clusterIPs ?? []).forEach((ip, i) => {
    if (i === 0 && spec.clusterIP && ip !== spec.clusterIP) {
      errs.push(fieldInvalid('spec.clusterIPs', spec.clusterIPs, 'element [0] must match clusterIP'));
    }
    if (ip === 'None') {
      if (i > 0 || (spec.clusterIPs?.length ?? 0) > 1) errs.push(fieldInvalid(`spec.clusterIPs[${i}]`, ip, 'must be a valid IP address'));
      return;
    }
    if (!isIPv4(ip)) errs.push(fieldInvalid(`spec.clusterIPs[${i}]`, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  });
  if (isHeadless(svc) && type !== 'ClusterIP') errs.push(fieldInvalid('spec.clusterIPs[0]', 'None', 'may not be set to \'None\' for LoadBalancer or NodePort services'));
  return errs;
}

/** ValidateServiceUpdate: cluster IPs may not change once set (unless the type moves to or from ExternalName). */
export function validateServiceUpdate(svc: Service, old: Service): FieldError[] {
  const errs = [...validateObjectMetaUpdate(svc.metadata, old.metadata), ...validateService(svc)];
  if (svc.spec.type === 'ExternalName' || old.spec.type === 'ExternalName') return errs;
  if (isHeadless(svc) && isHeadless(old)) return errs;
  const oldIPs = old.spec.clusterIPs ?? [];
  const newIPs = svc.spec.clusterIPs ?? [];
  if (newIPs.length === 0 && oldIPs.length > 0) {
    errs.push(fieldInvalid('spec.clusterIPs[0]', newIPs, 'primary clusterIP can not be unset'));
    return errs;
  }
  oldIPs.forEach((ip, i) => {
    if (i < newIPs.length && ip !== newIPs[i]) errs.push(fieldInvalid(`spec.clusterIPs[${i}]`, newIPs, 'may not change once set'));
  });
  return errs;
}
