/**
 * Pod validation (pkg/apis/core/validation/validation.go: ValidatePod, ValidatePodSpec, validateContainers,
 * ValidateVolumes, ValidatePodTemplateSpec, ValidatePodUpdate). Simplified: the cmp.Diff that upstream appends
 * to the update Forbidden message is left out; probes, env, resources and security contexts are not checked.
 */
import type { Container, Pod, PodSpec, PodTemplateSpec, Toleration, Volume } from '../../api/core';
import type { FieldError } from '../errors';
import { fieldDuplicate, fieldForbidden, fieldInvalid, fieldNotFound, fieldRequired, fieldUnsupported } from '../errors';
import { deepClone, deepEqual } from '../objects';
import { isDNS1123Label, isValidPortName, isValidPortNum, nameIsDNSSubdomain } from './names';
import { validateAnnotations, validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const VOLUME_SOURCES = ['persistentVolumeClaim', 'emptyDir', 'configMap', 'secret', 'hostPath', 'projected'] as const;

/** The fields a pod update may change, as 1.35 lists them in its Forbidden message. */
export const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

/** ValidateVolumes: names are unique DNS labels, each volume has exactly one source. Returns the names. */
export function validateVolumes(volumes: Volume[] | undefined, path: string): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (volumes ?? []).forEach((vol, i) => {
    const p = `${path}[${i}]`;
    if (!vol.name) errs.push(fieldRequired(`${p}.name`));
    else {
      errs.push(...isDNS1123Label(vol.name).map((msg) => fieldInvalid(`${p}.name`, vol.name, msg)));
      if (names.has(vol.name)) errs.push(fieldDuplicate(`${p}.name`, vol.name));
      else names.add(vol.name);
    }
    const sources = VOLUME_SOURCES.filter((s) => vol[s] !== undefined);
    if (sources.length === 0) errs.push(fieldRequired(p, 'must specify a volume type'));
    else if (sources.length > 1) errs.push(fieldForbidden(`${p}.${sources[1]}`, 'may not specify more than 1 volume type'));
    if (vol.persistentVolumeClaim && !vol.persistentVolumeClaim.claimName) errs.push(fieldRequired(`${p}.persistentVolumeClaim.claimName`));
  });
  return { errs, names };
}

function validateContainer(ctr: Container, path: string, volumes: Set<string>, isPod: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (!ctr.image) errs.push(fieldRequired(`${path}.image`));
  else if (isPod && ctr.image !== ctr.image.trim()) errs.push(fieldInvalid(`${path}.image`, ctr.image, 'must not have leading or trailing whitespace'));
  if (ctr.imagePullPolicy !== undefined && !PULL_POLICIES.includes(ctr.imagePullPolicy)) {
    errs.push(fieldUnsupported(`${path}.imagePullPolicy`, ctr.imagePullPolicy, PULL_POLICIES));
  } else if (ctr.imagePullPolicy === undefined) {
    errs.push(fieldRequired(`${path}.imagePullPolicy`));
  }
  const portNames = new Set<string>();
  (ctr.ports ?? []).forEach((port, i) => {
    const p = `${path}.ports[${i}]`;
    if (port.name) {
      errs.push(...isValidPortName(port.name).map((msg) => fieldInvalid(`${p}.name`, port.name, msg)));
      if (portNames.has(port.name)) errs.push(fieldDuplicate(`${p}.name`, port.name));
      else portNames.add(port.name);
    }
    if (port.containerPort === 0 || port.containerPort === undefined) errs.push(fieldRequired(`${p}.containerPort`));
    else errs.push(...isValidPortNum(port.containerPort).map((msg) => fieldInvalid(`${p}.containerPort`, port.containerPort, msg)));
    if (port.hostPort) errs.push(...isValidPortNum(port.hostPort).map((msg) => fieldInvalid(`${p}.hostPort`, port.hostPort, msg)));
    if (!port.protocol) errs.push(fieldRequired(`${p}.protocol`));
    else if (!PROTOCOLS.includes(port.protocol)) errs.push(fieldUnsupported(`${p}.protocol`, port.protocol, PROTOCOLS));
  });
  const mountPaths = new Set<string>();
  (ctr.volumeMounts ?? []).forEach((mount, i) => {
    const p = `${path}.volumeMounts[${i}]`;
    if (!mount.name) errs.push(fieldRequired(`${p}.name`));
    else if (!volumes.has(mount.name)) errs.push(fieldNotFound(`${p}.name`, mount.name));
    if (!mount.mountPath) errs.push(fieldRequired(`${p}.mountPath`));
    else if (mountPaths.has(mount.mountPath)) errs.push(fieldInvalid(`${p}.mountPath`, mount.mountPath, 'must be unique'));
    else mountPaths.add(mount.mountPath);
  });
  return errs;
}

function validateContainers(containers: Container[] | undefined, path: string, volumes: Set<string>, isPod: boolean, taken: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  (containers ?? []).forEach((ctr, i) => {
    const p = `${path}[${i}]`;
    if (!ctr.name) errs.push(fieldRequired(`${p}.name`));
    else {
      errs.push(...isDNS1123Label(ctr.name).map((msg) => fieldInvalid(`${p}.name`, ctr.name, msg)));
      if (taken.has(ctr.name)) errs.push(fieldDuplicate(`${p}.name`, ctr.name));
      else taken.add(ctr.name);
    }
    errs.push(...validateContainer(ctr, p, volumes, isPod));
  });
  return errs;
}

/** ValidatePodSpec: volumes, init containers, containers, restart and DNS policy, grace period. */
export function validatePodSpec(spec: PodSpec, path: string, isPod: boolean): FieldError[] {
  const { errs, names } = validateVolumes(spec.volumes, `${path}.volumes`);
  const taken = new Set<string>();
  errs.push(...validateContainers(spec.initContainers, `${path}.initContainers`, names, isPod, taken));
  if (!spec.containers || spec.containers.length === 0) errs.push(fieldRequired(`${path}.containers`));
  else errs.push(...validateContainers(spec.containers, `${path}.containers`, names, isPod, taken));
  if (!spec.restartPolicy) errs.push(fieldRequired(`${path}.restartPolicy`));
  else if (!RESTART_POLICIES.includes(spec.restartPolicy)) errs.push(fieldUnsupported(`${path}.restartPolicy`, spec.restartPolicy, RESTART_POLICIES));
  if (!spec.dnsPolicy) errs.push(fieldRequired(`${path}.dnsPolicy`));
  else if (!DNS_POLICIES.includes(spec.dnsPolicy)) errs.push(fieldUnsupported(`${path}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES));
  if (spec.hostname) errs.push(...isDNS1123Label(spec.hostname).map((msg) => fieldInvalid(`${path}.hostname`, spec.hostname, msg)));
  if (spec.subdomain) errs.push(...isDNS1123Label(spec.subdomain).map((msg) => fieldInvalid(`${path}.subdomain`, spec.subdomain, msg)));
  const activeDeadline = (spec as { activeDeadlineSeconds?: number }).activeDeadlineSeconds;
  if (activeDeadline !== undefined && (activeDeadline <= 0 || activeDeadline > 2 ** 32)) {
    errs.push(fieldInvalid(`${path}.activeDeadlineSeconds`, activeDeadline, `must be between 1 and ${2 ** 32}, inclusive`));
  }
  errs.push(...validateTolerations(spec.tolerations, `${path}.tolerations`));
  return errs;
}

function validateTolerations(tolerations: Toleration[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const p = `${path}[${i}]`;
    if (t.operator === 'Exists' && t.value) errs.push(fieldInvalid(`${p}.operator`, t.operator, 'value must be empty when `operator` is \'Exists\''));
    if (t.operator !== undefined && t.operator !== 'Exists' && t.operator !== 'Equal') errs.push(fieldUnsupported(`${p}.operator`, t.operator, ['Equal', 'Exists']));
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      errs.push(fieldInvalid(`${p}.effect`, t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
  });
  return errs;
}

/** ValidatePod: metadata (name an RFC 1123 subdomain) and spec. */
export function validatePod(pod: Pod): FieldError[] {
  return [...validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain), ...validatePodSpec(pod.spec, 'spec', true)];
}

/** ValidatePodTemplateSpec: template labels, annotations and spec (image may not be empty either). */
export function validatePodTemplateSpec(template: PodTemplateSpec, path: string): FieldError[] {
  return [
    ...validateLabels(template.metadata?.labels, `${path}.labels`),
    ...validateAnnotations(template.metadata?.annotations, `${path}.annotations`),
    ...validatePodSpec(template.spec, `${path}.spec`, false),
  ];
}

function tolerationsOnlyAdded(newT: Toleration[] | undefined, oldT: Toleration[] | undefined): boolean {
  const remaining = [...(newT ?? [])];
  for (const old of oldT ?? []) {
    const i = remaining.findIndex((t) => deepEqual({ ...t, tolerationSeconds: undefined }, { ...old, tolerationSeconds: undefined }));
    if (i < 0) return false;
    remaining.splice(i, 1);
  }
  return true;
}

/**
 * ValidatePodUpdate: only images, activeDeadlineSeconds, added tolerations and a grace period raised from a
 * negative value may change. Setting spec.nodeName once stands in for the binding subresource, which the
 * simulated scheduler does not have.
 */
export function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata);
  errs.push(...validatePodSpec(pod.spec, 'spec', true));
  const munged = deepClone(pod.spec);
  munged.containers = munged.containers.map((c, i) => ({ ...c, image: old.spec.containers[i]?.image ?? c.image }));
  if (munged.initContainers) munged.initContainers = munged.initContainers.map((c, i) => ({ ...c, image: old.spec.initContainers?.[i]?.image ?? c.image }));
  const spec = munged as PodSpec & { activeDeadlineSeconds?: number };
  const oldDeadline = (old.spec as { activeDeadlineSeconds?: number }).activeDeadlineSeconds;
  if (oldDeadline !== undefined && spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds > oldDeadline) {
    errs.push(fieldInvalid('spec.activeDeadlineSeconds', spec.activeDeadlineSeconds, 'must be less than or equal to previous value'));
  }
  if (oldDeadline !== undefined && spec.activeDeadlineSeconds === undefined) {
    errs.push(fieldInvalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }
  if (oldDeadline === undefined) delete spec.activeDeadlineSeconds;
  else spec.activeDeadlineSeconds = oldDeadline;
  if (tolerationsOnlyAdded(pod.spec.tolerations, old.spec.tolerations)) munged.tolerations = old.spec.tolerations;
  if ((old.spec.terminationGracePeriodSeconds ?? 0) < 0 && pod.spec.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = old.spec.terminationGracePeriodSeconds;
  }
  if (!old.spec.nodeName && pod.spec.nodeName) delete munged.nodeName;
  const oldSpec = { ...old.spec };
  if (!old.spec.nodeName) delete oldSpec.nodeName;
  if (!deepEqual(munged, oldSpec)) {
    errs.push(fieldForbidden('spec', `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}`));
  }
  return errs;
}
