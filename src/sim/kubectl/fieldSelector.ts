/**
 * Field selectors (`--field-selector status.phase=Running,spec.nodeName!=node-1`), with the fields the API
 * server supports per kind (pkg/registry/core/pod/strategy.go PodToSelectableFields, event and node
 * strategies; every kind has metadata.name and metadata.namespace).
 */
import type { KubeObject } from '../api/meta';

export interface FieldRequirement {
  field: string;
  value: string;
  negate: boolean;
}

const COMMON = ['metadata.name', 'metadata.namespace'];

const FIELDS: Record<string, string[]> = {
  Pod: [
    ...COMMON,
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.podIPs',
    'status.nominatedNodeName',
  ],
  Event: [
    ...COMMON,
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  Node: [...COMMON, 'spec.unschedulable'],
  Namespace: [...COMMON, 'status.phase'],
  PersistentVolumeClaim: [...COMMON],
  PersistentVolume: [...COMMON],
  ReplicaSet: [...COMMON, 'status.replicas'],
};

/** Parses the selector text; a string result is the error kubectl prints. */
export function parseFieldSelector(text: string): FieldRequirement[] | string {
  const out: FieldRequirement[] = [];
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = part.match(/^([A-Za-z0-9_.]+)\s*(==|!=|=)\s*(.*)$/);
    if (!m) return `invalid selector: '${text}'; can't understand '${part}'`;
    out.push({ field: m[1]!, value: m[3]!, negate: m[2] === '!=' });
  }
  return out;
}

/** The first field the kind does not support, or undefined. */
export function unsupportedField(kind: string, requirements: FieldRequirement[]): string | undefined {
  const allowed = FIELDS[kind] ?? COMMON;
  return requirements.find((r) => !allowed.includes(r.field))?.field;
}

function fieldValue(obj: KubeObject, field: string): string {
  if (obj.kind === 'Event' && field === 'source') {
    return String((obj as KubeObject & { source?: { component?: string } }).source?.component ?? '');
  }
  if (field === 'spec.hostNetwork' || field === 'spec.unschedulable') {
    const v = field.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
    return String(v === true);
  }
  let value: unknown = obj;
  for (const key of field.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v && 'ip' in v ? String((v as { ip: unknown }).ip) : String(v))).join(',');
  return value === undefined || value === null ? '' : String(value);
}

export function matchesFields(obj: KubeObject, requirements: FieldRequirement[]): boolean {
  return requirements.every((r) => (fieldValue(obj, r.field) === r.value) !== r.negate);
}
