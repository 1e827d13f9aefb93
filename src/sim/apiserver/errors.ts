/**
 * API errors as the API server returns them (metav1.Status), and the field errors validation produces
 * (k8s.io/apimachinery/pkg/util/validation/field/errors.go).
 */
import { qualifiedResource, resourceForKind } from '../api/kinds';

export type StatusReason = 'NotFound' | 'AlreadyExists' | 'Invalid' | 'Conflict' | 'BadRequest' | 'Forbidden' | 'MethodNotAllowed' | 'TooManyRequests' | 'InternalError';

export class ApiError extends Error {
  constructor(
    readonly reason: StatusReason,
    readonly code: number,
    message: string,
    /** For Invalid: the kind and name, and each field error line. */
    readonly details?: { kind?: string; name?: string; causes?: string[] },
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** `pods "web-9" not found`. */
export function notFound(kind: string, name: string): ApiError {
  return new ApiError('NotFound', 404, `${resourceName(kind)} "${name}" not found`, { kind, name });
}

/** `statefulsets.apps "web" already exists`. */
export function alreadyExists(kind: string, name: string): ApiError {
  return new ApiError('AlreadyExists', 409, `${resourceName(kind)} "${name}" already exists`, { kind, name });
}

/** `Operation cannot be fulfilled on ...: the object has been modified; please apply your changes to the latest version and try again`. */
export function conflict(kind: string, name: string, detail: string): ApiError {
  return new ApiError('Conflict', 409, `Operation cannot be fulfilled on ${resourceName(kind)} "${name}": ${detail}`, { kind, name });
}

export function badRequest(message: string): ApiError {
  return new ApiError('BadRequest', 400, message);
}

export function forbidden(message: string): ApiError {
  return new ApiError('Forbidden', 403, message);
}

export function tooManyRequests(message: string): ApiError {
  return new ApiError('TooManyRequests', 429, message);
}

function resourceName(kind: string): string {
  const info = resourceForKind(kind);
  return info ? qualifiedResource(info) : kind.toLowerCase();
}

/** One validation failure on one field, printed as `spec.replicas: Invalid value: -1: must be ...`. */
export interface FieldError {
  field: string;
  type: 'Invalid value' | 'Required value' | 'Unsupported value' | 'Forbidden' | 'Duplicate value' | 'Too long' | 'Not found';
  value?: unknown;
  detail?: string;
}

export function fieldInvalid(field: string, value: unknown, detail: string): FieldError {
  return { field, type: 'Invalid value', value, detail };
}

export function fieldRequired(field: string, detail = ''): FieldError {
  return { field, type: 'Required value', detail };
}

export function fieldForbidden(field: string, detail: string): FieldError {
  return { field, type: 'Forbidden', detail };
}

export function fieldUnsupported(field: string, value: unknown, supported: string[]): FieldError {
  return { field, type: 'Unsupported value', value, detail: `supported values: ${supported.map((s) => `"${s}"`).join(', ')}` };
}

/** Formats one field error the way field.Error.Error() does. */
export function formatFieldError(e: FieldError): string {
  if (e.type === 'Required value' || e.type === 'Forbidden' || e.type === 'Too long') {
    return e.detail ? `${e.field}: ${e.type}: ${e.detail}` : `${e.field}: ${e.type}`;
  }
  const value = formatValue(e.value);
  return e.detail ? `${e.field}: ${e.type}: ${value}: ${e.detail}` : `${e.field}: ${e.type}: ${value}`;
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * The Invalid error for a set of field errors: `StatefulSet.apps "web" is invalid: <err>` with one error,
 * or `[<err>, <err>]` with several, as apierrors.NewInvalid builds it.
 */
export function invalid(kind: string, name: string, errors: FieldError[]): ApiError {
  const info = resourceForKind(kind);
  const qualifiedKind = info?.group ? `${kind}.${info.group}` : kind;
  const lines = errors.map(formatFieldError);
  const body = lines.length === 1 ? lines[0] : `[${lines.join(', ')}]`;
  return new ApiError('Invalid', 422, `${qualifiedKind} "${name}" is invalid: ${body}`, { kind, name, causes: lines });
}
