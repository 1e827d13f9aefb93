/**
 * Label selectors: matching, parsing kubectl's `-l` syntax, and converting a LabelSelector to text.
 * Mirrors k8s.io/apimachinery/pkg/labels (selector.go) for the forms kubectl users type.
 */
import type { LabelSelector, LabelSelectorRequirement } from './meta';

/** True when `labels` satisfy every requirement of `selector`. An empty selector matches everything. */
export function matchesSelector(selector: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const have = labels ?? {};
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (have[key] !== value) return false;
  }
  for (const req of selector.matchExpressions ?? []) {
    if (!matchesRequirement(req, have)) return false;
  }
  return true;
}

/** True when `labels` contain every key/value of the map selector (Service and nodeSelector semantics). */
export function matchesMap(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const have = labels ?? {};
  return Object.entries(selector).every(([k, v]) => have[k] === v);
}

function matchesRequirement(req: LabelSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = labels[req.key];
  switch (req.operator) {
    case 'In':
      return has && (req.values ?? []).includes(value ?? '');
    case 'NotIn':
      return !has || !(req.values ?? []).includes(value ?? '');
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

/** True when the selector selects nothing in particular (no labels, no expressions). */
export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return !selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0);
}

/** `app=nginx,tier in (web)`: the text form kubectl prints for a selector. */
export function selectorToString(selector: LabelSelector | undefined): string {
  if (!selector) return '<none>';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) parts.push(`${k}=${v}`);
  for (const req of selector.matchExpressions ?? []) {
    const values = [...(req.values ?? [])].sort().join(',');
    if (req.operator === 'In') parts.push(`${req.key} in (${values})`);
    else if (req.operator === 'NotIn') parts.push(`${req.key} notin (${values})`);
    else if (req.operator === 'Exists') parts.push(req.key);
    else parts.push(`!${req.key}`);
  }
  return parts.length ? parts.sort().join(',') : '<none>';
}

/** The result of parsing a `-l` selector: the selector, or kubectl's error text. */
export type ParsedSelector = { ok: true; selector: LabelSelector } | { ok: false; error: string };

/**
 * Parses kubectl's label selector syntax: `a=b`, `a==b`, `a!=b`, `a`, `!a`, `a in (x,y)`, `a notin (x)`,
 * joined by commas.
 */
export function parseSelector(text: string): ParsedSelector {
  const selector: LabelSelector = { matchLabels: {}, matchExpressions: [] };
  const parts = splitTopLevel(text.trim());
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) return { ok: false, error: `unable to parse requirement: found '', expected: identifier` };
    let m: RegExpMatchArray | null;
    if ((m = part.match(/^([A-Za-z0-9_./-]+)\s*(?:==|=)\s*([A-Za-z0-9_.-]*)$/))) {
      selector.matchLabels![m[1]!] = m[2]!;
    } else if ((m = part.match(/^([A-Za-z0-9_./-]+)\s*!=\s*([A-Za-z0-9_.-]*)$/))) {
      selector.matchExpressions!.push({ key: m[1]!, operator: 'NotIn', values: [m[2]!] });
    } else if ((m = part.match(/^([A-Za-z0-9_./-]+)\s+(in|notin)\s*\(([^)]*)\)$/))) {
      const values = m[3]!.split(',').map((v) => v.trim()).filter(Boolean);
      selector.matchExpressions!.push({ key: m[1]!, operator: m[2] === 'in' ? 'In' : 'NotIn', values });
    } else if ((m = part.match(/^!([A-Za-z0-9_./-]+)$/))) {
      selector.matchExpressions!.push({ key: m[1]!, operator: 'DoesNotExist' });
    } else if ((m = part.match(/^([A-Za-z0-9_./-]+)$/))) {
      selector.matchExpressions!.push({ key: m[1]!, operator: 'Exists' });
    } else {
      return { ok: false, error: `unable to parse requirement: ${describeBadPart(part)}` };
    }
  }
  return { ok: true, selector };
}

function describeBadPart(part: string): string {
  return `<nil>: Invalid value: "${part}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`;
}

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}
