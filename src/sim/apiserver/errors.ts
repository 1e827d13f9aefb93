/**
 * API errors as the API server returns them (metav1.Status, k8s.io/apimachinery/pkg/api/errors), and the
 * field errors validation produces, formatted as k8s.io/apimachinery/pkg/util/validation/field/errors.go
 * (v0.35) does: simple values with %v, strings with %q, everything else as Go's json.Marshal prints it
 * (map keys sorted, `<`, `>` and `&` escaped). Struct values keep their Go field order through `goStruct`.
 */
import { qualifiedResource, resourceForKind } from '../api/kinds';

export type StatusReason = 'NotFound' | 'AlreadyExists' | 'Invalid' | 'Conflict' | 'BadRequest' | 'Forbidden' | 'MethodNotAllowed' | 'TooManyRequests' | 'InternalError';

/** One metav1.StatusCause: the field, its machine-readable type and the error body without the field. */
export interface StatusCause {
  field: string;
  reason: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly reason: StatusReason,
    readonly code: number,
    message: string,
    /**
     * For Invalid: the kind (without group, as details.kind is) and name; `causes` holds one line per distinct
     * field error, `field: body`, which is what kubectl prints (one `* ` line each when there are several).
     */
    readonly details?: { kind?: string; name?: string; causes?: string[]; statusCauses?: StatusCause[] },
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

/** `persistentvolumeclaims "www-web-0" is forbidden: <reason>`, as apierrors.NewForbidden words it. */
export function forbiddenResource(kind: string, name: string, reason: string): ApiError {
  return new ApiError('Forbidden', 403, `${resourceName(kind)} "${name}" is forbidden: ${reason}`, { kind, name });
}

export function tooManyRequests(message: string): ApiError {
  return new ApiError('TooManyRequests', 429, message);
}

function resourceName(kind: string): string {
  const info = resourceForKind(kind);
  return info ? qualifiedResource(info) : kind.toLowerCase();
}

export type FieldErrorType =
  | 'Invalid value'
  | 'Required value'
  | 'Unsupported value'
  | 'Forbidden'
  | 'Duplicate value'
  | 'Too long'
  | 'Too many'
  | 'Not found'
  | 'Internal error';

/** One validation failure on one field, printed as `spec.replicas: Invalid value: -1: must be ...`. */
export interface FieldError {
  field: string;
  type: FieldErrorType;
  value?: unknown;
  detail?: string;
}

const CAUSE_TYPES: Record<FieldErrorType, string> = {
  'Invalid value': 'FieldValueInvalid',
  'Required value': 'FieldValueRequired',
  'Unsupported value': 'FieldValueNotSupported',
  Forbidden: 'FieldValueForbidden',
  'Duplicate value': 'FieldValueDuplicate',
  'Too long': 'FieldValueTooLong',
  'Too many': 'FieldValueTooMany',
  'Not found': 'FieldValueNotFound',
  'Internal error': 'InternalError',
};

/** field.Invalid. */
export function fieldInvalid(field: string, value: unknown, detail: string): FieldError {
  return { field, type: 'Invalid value', value, detail };
}

/** field.Required. */
export function fieldRequired(field: string, detail = ''): FieldError {
  return { field, type: 'Required value', detail };
}

/** field.Forbidden. */
export function fieldForbidden(field: string, detail: string): FieldError {
  return { field, type: 'Forbidden', detail };
}

/** field.Duplicate. */
export function fieldDuplicate(field: string, value: unknown): FieldError {
  return { field, type: 'Duplicate value', value };
}

/** field.NotFound. */
export function fieldNotFound(field: string, value: unknown): FieldError {
  return { field, type: 'Not found', value };
}

/** field.TooLong: the value is never printed. */
export function fieldTooLong(field: string, maxLength: number): FieldError {
  return { field, type: 'Too long', detail: `may not be more than ${maxLength} ${maxLength === 1 ? 'byte' : 'bytes'}` };
}

/** field.NotSupported: `supported values: "A", "B"`. */
export function fieldUnsupported(field: string, value: unknown, supported: readonly string[]): FieldError {
  return { field, type: 'Unsupported value', value, detail: supported.length ? `supported values: ${supported.map(goQuote).join(', ')}` : '' };
}

/**
 * A Go struct value for an error: its fields print in declaration order (json.Marshal of a struct), with
 * `undefined` fields left out as omitempty leaves them. Plain objects print as Go maps, keys sorted.
 */
export class GoStruct {
  constructor(readonly fields: ReadonlyArray<readonly [string, unknown]>) {}
}

/** Wraps `obj`'s fields, in the order of `order`, as a Go struct value. */
export function goStruct(obj: object | undefined, order: readonly string[]): GoStruct | null {
  if (obj === undefined) return null;
  const rec = obj as Record<string, unknown>;
  const known = order.filter((k) => rec[k] !== undefined).map((k) => [k, rec[k]] as const);
  const rest = Object.keys(rec)
    .filter((k) => !order.includes(k) && rec[k] !== undefined)
    .map((k) => [k, rec[k]] as const);
  return new GoStruct([...known, ...rest]);
}

/** Formats one field error the way field.Error.Error() does: `<field>: <ErrorBody()>`. */
export function formatFieldError(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/** field.Error.ErrorBody(): the type, the value where the type shows one, then `: detail` when there is one. */
export function errorBody(e: FieldError): string {
  let s: string = e.type;
  if (e.type !== 'Required value' && e.type !== 'Forbidden' && e.type !== 'Too long' && e.type !== 'Internal error') {
    s += `: ${formatValue(e.value)}`;
  }
  return e.detail ? `${s}: ${e.detail}` : s;
}

/** A bad value as ErrorBody prints it. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return goJson(value);
}

/** Go's strconv.Quote for the characters API values contain. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** encoding/json.Marshal: maps with sorted keys, HTML-safe escaping, `null` for absent values. */
export function goJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof GoStruct) {
    return `{${value.fields.filter(([, v]) => v !== undefined).map(([k, v]) => `${jsonString(k)}:${goJson(v)}`).join(',')}}`;
  }
  if (typeof value === 'string') return jsonString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => goJson(v)).join(',')}]`;
  if (typeof value === 'object') {
    const rec = value as Record<string, unknown>;
    const keys = Object.keys(rec).filter((k) => rec[k] !== undefined).sort();
    return `{${keys.map((k) => `${jsonString(k)}:${goJson(rec[k])}`).join(',')}}`;
  }
  return 'null';
}

function jsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The Invalid error for a set of field errors, as apierrors.NewInvalid builds it:
 * `StatefulSet.apps "web" is invalid: <err>` with one error, `[<err>, <err>]` with several (duplicates
 * dropped, as ErrorList.ToAggregate drops them). details.kind is the bare kind, so kubectl prints
 * `The StatefulSet "web" is invalid: ...`.
 */
export function invalid(kind: string, name: string, errors: FieldError[]): ApiError {
  const info = resourceForKind(kind);
  const qualifiedKind = info?.group ? `${kind}.${info.group}` : kind;
  const lines: string[] = [];
  const statusCauses: StatusCause[] = [];
  for (const e of errors) {
    const line = formatFieldError(e);
    statusCauses.push({ field: e.field, reason: CAUSE_TYPES[e.type], message: errorBody(e) });
    if (!lines.includes(line)) lines.push(line);
  }
  const body = lines.length === 1 ? lines[0] : `[${lines.join(', ')}]`;
  return new ApiError('Invalid', 422, `${qualifiedKind} "${name}" is invalid: ${body}`, { kind, name, causes: lines, statusCauses });
}

/**
 * What kubectl prints for an Invalid error (cmdutil.CheckErr): `The StatefulSet "web" is invalid: <line>`, or
 * with several causes the header and one `* <line>` per cause. Other errors print as `Error from server (<reason>): <message>`.
 */
export function kubectlErrorMessage(err: ApiError): string {
  if (err.reason === 'Invalid' && err.details?.causes?.length) {
    const header = `The ${err.details.kind ?? ''} "${err.details.name ?? ''}" is invalid: `;
    const causes = err.details.causes;
    if (causes.length === 1) return `${header}${causes[0]}`;
    return `${header}\n${causes.map((c) => `* ${c}`).join('\n')}`;
  }
  return `Error from server (${err.reason}): ${err.message}`;
}
