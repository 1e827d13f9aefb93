/**
 * Generic validation shared by every kind (k8s.io/apimachinery/pkg/api/validation/objectmeta.go and
 * generic.go, pkg/apis/meta/v1/validation): object metadata, labels, annotations, label selectors,
 * non-negative and immutable fields. Map entries are checked in sorted key order (Go's is random).
 * Simplified: managedFields and ownerReference API versions are not checked.
 */
import type { LabelSelector, ObjectMeta } from '../../api/meta';
import type { FieldError } from '../errors';
import { fieldForbidden, fieldInvalid, fieldRequired, fieldTooLong, goStruct } from '../errors';
import { deepEqual } from '../objects';
import type { NameValidator } from './names';
import { isDNS1123Label, isQualifiedName, isValidLabelValue } from './names';

/** `must be greater than or equal to 0`. */
export const IS_NEGATIVE_ERROR_MSG = 'must be greater than or equal to 0';
/** `field is immutable`. */
export const FIELD_IMMUTABLE_ERROR_MSG = 'field is immutable';
const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;

/** ValidateNonnegativeField. */
export function validateNonnegativeField(value: number | undefined, path: string): FieldError[] {
  return value !== undefined && value < 0 ? [fieldInvalid(path, value, IS_NEGATIVE_ERROR_MSG)] : [];
}

/** ValidateImmutableField: `<path>: Invalid value: <new>: field is immutable`. */
export function validateImmutableField(newVal: unknown, oldVal: unknown, path: string, printed: unknown = newVal): FieldError[] {
  return deepEqual(newVal, oldVal) ? [] : [fieldInvalid(path, printed ?? null, FIELD_IMMUTABLE_ERROR_MSG)];
}

function sortedEntries(map: Record<string, string> | undefined): [string, string][] {
  return Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** ValidateLabelName. */
export function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((msg) => fieldInvalid(path, name, msg));
}

/** ValidateLabels: each key a qualified name, each value a label value. */
export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of sortedEntries(labels)) {
    errs.push(...validateLabelName(k, path));
    errs.push(...isValidLabelValue(v).map((msg) => fieldInvalid(path, v, msg)));
  }
  return errs;
}

/** ValidateAnnotations: keys are qualified names (lower-cased first); 256 KiB in all. */
export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of sortedEntries(annotations)) {
    errs.push(...isQualifiedName(k.toLowerCase()).map((msg) => fieldInvalid(path, k, msg)));
    size += k.length + v.length;
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT_B) errs.push(fieldTooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_B));
  return errs;
}

/** ValidateLabelSelector (strict: label values in expressions must be valid). */
export function validateLabelSelector(selector: LabelSelector | undefined, path: string): FieldError[] {
  if (!selector) return [];
  const errs = validateLabels(selector.matchLabels, `${path}.matchLabels`);
  (selector.matchExpressions ?? []).forEach((expr, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    const values = expr.values ?? [];
    switch (expr.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) errs.push(fieldRequired(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) errs.push(fieldForbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        errs.push(fieldInvalid(`${p}.operator`, expr.operator, 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(expr.key, `${p}.key`));
    values.forEach((v, j) => errs.push(...isValidLabelValue(v).map((msg) => fieldInvalid(`${p}.values[${j}]`, v, msg))));
  });
  return errs;
}

/** A metav1.LabelSelector as a Go struct value (matchLabels, matchExpressions). */
export function selectorValue(selector: LabelSelector | undefined): unknown {
  return goStruct(selector, ['matchLabels', 'matchExpressions']);
}

function validateCommonMeta(meta: Partial<ObjectMeta>, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (namespaced) {
    if (!meta.namespace) errs.push(fieldRequired(`${path}.namespace`));
    else errs.push(...isDNS1123Label(meta.namespace).map((msg) => fieldInvalid(`${path}.namespace`, meta.namespace, msg)));
  } else if (meta.namespace) {
    errs.push(fieldForbidden(`${path}.namespace`, 'not allowed on this type'));
  }
  errs.push(...validateNonnegativeField(meta.generation, `${path}.generation`));
  errs.push(...validateLabels(meta.labels, `${path}.labels`));
  errs.push(...validateAnnotations(meta.annotations, `${path}.annotations`));
  errs.push(...validateOwnerReferences(meta, `${path}.ownerReferences`));
  errs.push(...validateFinalizers(meta.finalizers, `${path}.finalizers`));
  return errs;
}

function validateOwnerReferences(meta: Partial<ObjectMeta>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of meta.ownerReferences ?? []) {
    if (!ref.kind) errs.push(fieldInvalid(`${path}.kind`, ref.kind ?? '', 'must not be empty'));
    if (!ref.name) errs.push(fieldInvalid(`${path}.name`, ref.name ?? '', 'must not be empty'));
    if (!ref.uid) errs.push(fieldInvalid(`${path}.uid`, ref.uid ?? '', 'must not be empty'));
    if (ref.controller) {
      const current = `${ref.kind}/${ref.name}`;
      if (firstController) {
        errs.push(
          fieldInvalid(
            path,
            meta.ownerReferences,
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`,
          ),
        );
      } else firstController = current;
    }
  }
  return errs;
}

function validateFinalizers(finalizers: string[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of finalizers ?? []) errs.push(...isQualifiedName(f).map((msg) => fieldInvalid(path, f, msg)));
  if (finalizers?.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    errs.push(fieldInvalid(path, finalizers, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}

/** ValidateObjectMeta: generateName and name through `nameFn`, then namespace, labels, annotations, owners. */
export function validateObjectMeta(meta: Partial<ObjectMeta>, namespaced: boolean, nameFn: NameValidator, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  if (meta.generateName) {
    errs.push(...nameFn(meta.generateName, true).map((msg) => fieldInvalid(`${path}.generateName`, meta.generateName, msg)));
  }
  if (!meta.name) errs.push(fieldRequired(`${path}.name`, 'name or generateName is required'));
  else errs.push(...nameFn(meta.name, false).map((msg) => fieldInvalid(`${path}.name`, meta.name, msg)));
  errs.push(...validateCommonMeta(meta, namespaced, path));
  return errs;
}

/** ValidateObjectMetaUpdate: identity fields immutable, no new finalizers once deleting, labels and annotations valid. */
export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  if (old.deletionTimestamp) {
    const extra = (meta.finalizers ?? []).filter((f) => !(old.finalizers ?? []).includes(f));
    if (extra.length) {
      const list = [...new Set(extra)].sort().map((f) => `"${f}"`).join(', ');
      errs.push(fieldForbidden(`${path}.finalizers`, `no new finalizers can be added if the object is being deleted, found new finalizers []string{${list}}`));
    }
  }
  if ((meta.generation ?? 0) < (old.generation ?? 0)) errs.push(fieldInvalid(`${path}.generation`, meta.generation ?? 0, 'must not be decremented'));
  errs.push(...validateImmutableField(meta.name, old.name, `${path}.name`));
  errs.push(...validateImmutableField(meta.namespace ?? '', old.namespace ?? '', `${path}.namespace`));
  errs.push(...validateImmutableField(meta.uid, old.uid, `${path}.uid`));
  errs.push(...validateLabels(meta.labels, `${path}.labels`));
  errs.push(...validateAnnotations(meta.annotations, `${path}.annotations`));
  errs.push(...validateOwnerReferences(meta, `${path}.ownerReferences`));
  return errs;
}

/** An intstr.IntOrString: its integer value, or its percentage, and whether it is a valid percent. */
export function intOrPercentValue(v: number | string | undefined): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const m = /^([0-9]+)%$/.exec(v);
  if (m) return Number(m[1]);
  const n = Number(v);
  return Number.isInteger(n) ? n : 0;
}
