/**
 * apps/v1 validation (pkg/apis/apps/validation/validation.go): StatefulSet, Deployment, ReplicaSet, and the
 * update rules their strategies add (pkg/registry/apps/*\/strategy.go). As upstream, a StatefulSet's pod
 * template is checked for labels, annotations and restartPolicy only, not as a full PodSpec.
 */
import type { Deployment, ReplicaSet, StatefulSet } from '../../api/apps';
import type { PodTemplateSpec } from '../../api/core';
import type { LabelSelector } from '../../api/meta';
import { isEmptySelector, matchesSelector } from '../../api/selectors';
import type { FieldError } from '../errors';
import { fieldForbidden, fieldInvalid, fieldRequired, fieldUnsupported, GoStruct, goStruct } from '../errors';
import { deepEqual } from '../objects';
import { isValidPercent, nameIsDNSLabel, nameIsDNSSubdomain } from './names';
import {
  intOrPercentValue,
  selectorValue,
  validateAnnotations,
  validateImmutableField,
  validateLabels,
  validateLabelSelector,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './objectMeta';
import { validatePodTemplateSpec } from './pod';

/** The Forbidden detail for changing a StatefulSet's other spec fields, as 1.35 prints it. */
export const STATEFULSET_UPDATE_FORBIDDEN =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

function validateSelector(selector: LabelSelector | undefined, kindWord: string, path: string): FieldError[] {
  if (!selector) return [fieldRequired(path)];
  const errs = validateLabelSelector(selector, path);
  if (isEmptySelector(selector)) errs.push(fieldInvalid(path, selectorValue(selector), `empty selector is invalid for ${kindWord}`));
  return errs;
}

function templateMatches(selector: LabelSelector | undefined, template: PodTemplateSpec, path: string): FieldError[] {
  if (!selector || isEmptySelector(selector)) return [];
  const labels = template.metadata?.labels;
  return matchesSelector(selector, labels) ? [] : [fieldInvalid(`${path}.metadata.labels`, labels ?? null, '`selector` does not match template `labels`')];
}

/** ValidatePositiveIntOrPercent. */
export function validatePositiveIntOrPercent(v: number | string | undefined, path: string): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((msg) => fieldInvalid(path, v, msg));
  return validateNonnegativeField(v, path);
}

/** IsNotMoreThan100Percent. */
export function isNotMoreThan100Percent(v: number | string | undefined, path: string): FieldError[] {
  if (typeof v !== 'string' || isValidPercent(v).length) return [];
  return intOrPercentValue(v) > 100 ? [fieldInvalid(path, v, 'must not be greater than 100%')] : [];
}

/** ValidateStatefulSetSpec. */
export function validateStatefulSetSpec(spec: StatefulSet['spec'], path = 'spec'): FieldError[] {
  const errs: FieldError[] = [];
  const policy = spec.podManagementPolicy;
  if (!policy) errs.push(fieldRequired(`${path}.podManagementPolicy`));
  else if (policy !== 'OrderedReady' && policy !== 'Parallel') errs.push(fieldInvalid(`${path}.podManagementPolicy`, policy, "must be 'OrderedReady' or 'Parallel'"));
  const strategy = spec.updateStrategy;
  const type = strategy?.type;
  if (!type) errs.push(fieldRequired(`${path}.updateStrategy`));
  else if (type === 'OnDelete') {
    if (strategy?.rollingUpdate) {
      // The value is the internal apps.RollingUpdateStatefulSetStrategy: no json tags, so Go field names.
      const ru = strategy.rollingUpdate;
      errs.push(fieldInvalid(`${path}.updateStrategy.rollingUpdate`, new GoStruct([['Partition', ru.partition ?? 0], ['MaxUnavailable', ru.maxUnavailable ?? null]]), "only allowed for updateStrategy 'RollingUpdate'"));
    }
  } else if (type === 'RollingUpdate') {
    const ru = strategy?.rollingUpdate;
    if (ru) {
      const p = `${path}.updateStrategy.rollingUpdate`;
      errs.push(...validateNonnegativeField(ru.partition, `${p}.partition`));
      if (ru.maxUnavailable !== undefined) {
        errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`));
        if (intOrPercentValue(ru.maxUnavailable) === 0) errs.push(fieldInvalid(`${p}.maxUnavailable`, ru.maxUnavailable, 'cannot be 0'));
        errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`));
      }
    }
  } else {
    errs.push(fieldInvalid(`${path}.updateStrategy`, goStruct(strategy, ['type', 'rollingUpdate']), "must be 'RollingUpdate' or 'OnDelete'"));
  }
  const retention = spec.persistentVolumeClaimRetentionPolicy;
  if (retention) {
    for (const key of ['whenDeleted', 'whenScaled'] as const) {
      const v = retention[key];
      if (v !== 'Retain' && v !== 'Delete') errs.push(fieldUnsupported(`${path}.persistentVolumeClaimRetentionPolicy.${key}`, v ?? '', ['Retain', 'Delete']));
    }
  }
  errs.push(...validateNonnegativeField(spec.replicas, `${path}.replicas`));
  errs.push(...validateNonnegativeField(spec.minReadySeconds, `${path}.minReadySeconds`));
  if (spec.ordinals) errs.push(...validateNonnegativeField(spec.ordinals.start, `${path}.ordinals.start`));
  errs.push(...validateSelector(spec.selector, 'statefulset', `${path}.selector`));
  const template = spec.template;
  if (!template) errs.push(fieldRequired(`${path}.template`));
  else {
    errs.push(...templateMatches(spec.selector, template, `${path}.template`));
    errs.push(...validateLabels(template.metadata?.labels, `${path}.template.labels`));
    errs.push(...validateAnnotations(template.metadata?.annotations, `${path}.template.annotations`));
  }
  const restartPolicy = template?.spec?.restartPolicy ?? '';
  if (restartPolicy !== 'Always') errs.push(fieldUnsupported(`${path}.template.spec.restartPolicy`, restartPolicy, ['Always']));
  if ((template?.spec as { activeDeadlineSeconds?: number } | undefined)?.activeDeadlineSeconds !== undefined) {
    errs.push(fieldForbidden(`${path}.template.spec.activeDeadlineSeconds`, 'activeDeadlineSeconds in StatefulSet is not Supported'));
  }
  return errs;
}

/** ValidateStatefulSet: name an RFC 1123 label, then the spec. */
export function validateStatefulSet(sts: StatefulSet): FieldError[] {
  return [...validateObjectMeta(sts.metadata, true, nameIsDNSLabel), ...validateStatefulSetSpec(sts.spec)];
}

/** ValidateStatefulSetUpdate: metadata, spec, and only the mutable spec fields may change. */
export function validateStatefulSetUpdate(sts: StatefulSet, old: StatefulSet): FieldError[] {
  const errs = [...validateObjectMetaUpdate(sts.metadata, old.metadata), ...validateStatefulSetSpec(sts.spec)];
  const mutable = ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy'];
  const strip = (spec: StatefulSet['spec']) => Object.fromEntries(Object.entries(spec).filter(([k]) => !mutable.includes(k)));
  if (!deepEqual(strip(sts.spec), strip(old.spec))) errs.push(fieldForbidden('spec', STATEFULSET_UPDATE_FORBIDDEN));
  return errs;
}

/** ValidatePodTemplateSpecForReplicaSet: selector match, the full pod template, restartPolicy Always. */
function validateTemplateForReplicaSet(selector: LabelSelector | undefined, template: PodTemplateSpec | undefined, kind: string, path: string): FieldError[] {
  if (!template) return [fieldRequired(path)];
  const errs = templateMatches(selector, template, path);
  errs.push(...validatePodTemplateSpec(template, path));
  const restartPolicy = template.spec?.restartPolicy;
  if (restartPolicy && restartPolicy !== 'Always') errs.push(fieldUnsupported(`${path}.spec.restartPolicy`, restartPolicy, ['Always']));
  if ((template.spec as { activeDeadlineSeconds?: number }).activeDeadlineSeconds !== undefined) {
    errs.push(fieldForbidden(`${path}.spec.activeDeadlineSeconds`, `activeDeadlineSeconds in ${kind} is not Supported`));
  }
  return errs;
}

/** ValidateDeploymentSpec. */
export function validateDeploymentSpec(spec: Deployment['spec'], path = 'spec'): FieldError[] {
  const errs = validateNonnegativeField(spec.replicas, `${path}.replicas`);
  errs.push(...validateSelector(spec.selector, 'deployment', `${path}.selector`));
  errs.push(...validateTemplateForReplicaSet(spec.selector, spec.template, 'ReplicaSet', `${path}.template`));
  const strategy = spec.strategy ?? {};
  const sp = `${path}.strategy`;
  if (strategy.type === 'Recreate') {
    if (strategy.rollingUpdate) errs.push(fieldForbidden(`${sp}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'"));
  } else if (strategy.type === 'RollingUpdate') {
    const ru = strategy.rollingUpdate;
    if (!ru) errs.push(fieldRequired(`${sp}.rollingUpdate`, 'this should be defaulted and never be nil'));
    else {
      const p = `${sp}.rollingUpdate`;
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`));
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, `${p}.maxSurge`));
      if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
        errs.push(fieldInvalid(`${p}.maxUnavailable`, ru.maxUnavailable ?? 0, 'may not be 0 when `maxSurge` is 0'));
      }
      errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`));
    }
  } else {
    errs.push(fieldUnsupported(sp, goStruct(strategy, ['type', 'rollingUpdate']), ['Recreate', 'RollingUpdate']));
  }
  errs.push(...validateNonnegativeField(spec.minReadySeconds, `${path}.minReadySeconds`));
  errs.push(...validateNonnegativeField(spec.revisionHistoryLimit, `${path}.revisionHistoryLimit`));
  if (spec.progressDeadlineSeconds !== undefined) {
    errs.push(...validateNonnegativeField(spec.progressDeadlineSeconds, `${path}.progressDeadlineSeconds`));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errs.push(fieldInvalid(`${path}.progressDeadlineSeconds`, spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

/** ValidateDeployment: name an RFC 1123 subdomain, then the spec. */
export function validateDeployment(d: Deployment): FieldError[] {
  return [...validateObjectMeta(d.metadata, true, nameIsDNSSubdomain), ...validateDeploymentSpec(d.spec)];
}

/** ValidateDeploymentUpdate plus the apps/v1 strategy's immutable selector. */
export function validateDeploymentUpdate(d: Deployment, old: Deployment): FieldError[] {
  return [
    ...validateObjectMetaUpdate(d.metadata, old.metadata),
    ...validateDeploymentSpec(d.spec),
    ...validateImmutableField(d.spec.selector, old.spec.selector, 'spec.selector', selectorValue(d.spec.selector)),
  ];
}

/** ValidateReplicaSetSpec. */
export function validateReplicaSetSpec(spec: ReplicaSet['spec'], path = 'spec'): FieldError[] {
  const errs = validateNonnegativeField(spec.replicas, `${path}.replicas`);
  errs.push(...validateNonnegativeField(spec.minReadySeconds, `${path}.minReadySeconds`));
  errs.push(...validateSelector(spec.selector, 'deployment', `${path}.selector`));
  errs.push(...validateTemplateForReplicaSet(spec.selector, spec.template, 'ReplicaSet', `${path}.template`));
  return errs;
}

/** ValidateReplicaSet. */
export function validateReplicaSet(rs: ReplicaSet): FieldError[] {
  return [...validateObjectMeta(rs.metadata, true, nameIsDNSSubdomain), ...validateReplicaSetSpec(rs.spec)];
}

/** ValidateReplicaSetUpdate plus the apps/v1 strategy's immutable selector. */
export function validateReplicaSetUpdate(rs: ReplicaSet, old: ReplicaSet): FieldError[] {
  return [
    ...validateObjectMetaUpdate(rs.metadata, old.metadata),
    ...validateReplicaSetSpec(rs.spec),
    ...validateImmutableField(rs.spec.selector, old.spec.selector, 'spec.selector', selectorValue(rs.spec.selector)),
  ];
}
