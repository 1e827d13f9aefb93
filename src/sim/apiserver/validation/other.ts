/**
 * Validation for Namespace, Node and ConfigMap (pkg/apis/core/validation/validation.go) and
 * PodDisruptionBudget (pkg/apis/policy/validation/validation.go). Simplified: node addresses, capacity and
 * taints beyond their effect are not checked.
 */
import type { Namespace, Node } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import type { PodDisruptionBudget } from '../../api/other';
import type { FieldError } from '../errors';
import { fieldForbidden, fieldInvalid, fieldTooLong, fieldUnsupported, goStruct } from '../errors';
import { deepEqual } from '../objects';
import { isConfigMapKey, nameIsDNSLabel, nameIsDNSSubdomain } from './names';
import { selectorValue, validateLabelSelector, validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';
import { isNotMoreThan100Percent, validatePositiveIntOrPercent } from './apps';

/** A ConfigMap: the API types do not model it beyond this. */
export interface ConfigMap extends KubeObject {
  kind: 'ConfigMap';
  data?: Record<string, string>;
  binaryData?: Record<string, string>;
  immutable?: boolean;
}

/** ValidateNamespace: an RFC 1123 label. */
export function validateNamespace(ns: Namespace): FieldError[] {
  return validateObjectMeta(ns.metadata, false, nameIsDNSLabel);
}

/** ValidateNamespaceUpdate. */
export function validateNamespaceUpdate(ns: Namespace, old: Namespace): FieldError[] {
  return validateObjectMetaUpdate(ns.metadata, old.metadata);
}

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** ValidateNode: an RFC 1123 subdomain name, taint effects. */
export function validateNode(node: Node): FieldError[] {
  const errs = validateObjectMeta(node.metadata, false, nameIsDNSSubdomain);
  (node.spec?.taints ?? []).forEach((t, i) => {
    if (!TAINT_EFFECTS.includes(t.effect)) errs.push(fieldUnsupported(`spec.taints[${i}].effect`, t.effect, TAINT_EFFECTS));
  });
  return errs;
}

/** ValidateNodeUpdate: podCIDRs may only go from unset to set. */
export function validateNodeUpdate(node: Node, old: Node): FieldError[] {
  const errs = [...validateObjectMetaUpdate(node.metadata, old.metadata), ...validateNode(node)];
  const oldCIDRs = old.spec?.podCIDRs ?? [];
  if (oldCIDRs.length > 0 && !deepEqual(node.spec?.podCIDRs ?? [], oldCIDRs)) {
    errs.push(fieldForbidden('spec.podCIDRs', 'node updates may not change podCIDR except from "" to valid'));
  }
  return errs;
}

/** ValidatePodDisruptionBudget: minAvailable and maxUnavailable are exclusive, each an int or a percent. */
export function validatePodDisruptionBudget(pdb: PodDisruptionBudget): FieldError[] {
  const errs = validateObjectMeta(pdb.metadata, true, nameIsDNSSubdomain);
  const spec = pdb.spec;
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    const printed = goStruct({ ...spec, selector: selectorValue(spec.selector) ?? undefined }, ['minAvailable', 'selector', 'maxUnavailable', 'unhealthyPodEvictionPolicy']);
    errs.push(fieldInvalid('spec', printed, 'minAvailable and maxUnavailable cannot be both set'));
  }
  if (spec.minAvailable !== undefined) {
    errs.push(...validatePositiveIntOrPercent(spec.minAvailable, 'spec.minAvailable'));
    errs.push(...isNotMoreThan100Percent(spec.minAvailable, 'spec.minAvailable'));
  }
  if (spec.maxUnavailable !== undefined) {
    errs.push(...validatePositiveIntOrPercent(spec.maxUnavailable, 'spec.maxUnavailable'));
    errs.push(...isNotMoreThan100Percent(spec.maxUnavailable, 'spec.maxUnavailable'));
  }
  errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  return errs;
}

/** ValidatePodDisruptionBudgetUpdate: the spec is mutable since policy/v1. */
export function validatePodDisruptionBudgetUpdate(pdb: PodDisruptionBudget, old: PodDisruptionBudget): FieldError[] {
  return [...validateObjectMetaUpdate(pdb.metadata, old.metadata), ...validatePodDisruptionBudget(pdb)];
}

const MAX_CONFIG_MAP_BYTES = 1024 * 1024;

/** ValidateConfigMap: keys are config keys, unique across data and binaryData; 1 MiB in all. */
export function validateConfigMap(cm: ConfigMap): FieldError[] {
  const errs = validateObjectMeta(cm.metadata, true, nameIsDNSSubdomain);
  let total = 0;
  for (const key of Object.keys(cm.data ?? {}).sort()) {
    errs.push(...isConfigMapKey(key).map((msg) => fieldInvalid(`data[${key}]`, key, msg)));
    if (cm.binaryData && key in cm.binaryData) errs.push(fieldInvalid(`data[${key}]`, key, 'duplicate of key present in binaryData'));
    total += (cm.data?.[key] ?? '').length;
  }
  for (const key of Object.keys(cm.binaryData ?? {}).sort()) {
    errs.push(...isConfigMapKey(key).map((msg) => fieldInvalid(`binaryData[${key}]`, key, msg)));
    total += (cm.binaryData?.[key] ?? '').length;
  }
  if (total > MAX_CONFIG_MAP_BYTES) errs.push(fieldTooLong('', MAX_CONFIG_MAP_BYTES));
  return errs;
}

/** ValidateConfigMapUpdate: an immutable ConfigMap keeps its data and stays immutable. */
export function validateConfigMapUpdate(cm: ConfigMap, old: ConfigMap): FieldError[] {
  const errs = validateObjectMetaUpdate(cm.metadata, old.metadata);
  if (old.immutable) {
    if (!cm.immutable) errs.push(fieldForbidden('immutable', 'field is immutable when `immutable` is set'));
    if (!deepEqual(cm.data ?? {}, old.data ?? {})) errs.push(fieldForbidden('data', 'field is immutable when `immutable` is set'));
    if (!deepEqual(cm.binaryData ?? {}, old.binaryData ?? {})) errs.push(fieldForbidden('binaryData', 'field is immutable when `immutable` is set'));
  }
  errs.push(...validateConfigMap(cm));
  return errs;
}
