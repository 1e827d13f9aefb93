/**
 * `kubectl taint nodes NAME key=value:Effect ... key:Effect- key-`, as staging/src/k8s.io/kubectl/pkg/cmd/taint
 * (taint.go, utils.go) parses, validates and applies taints: `node/node-1 tainted`, `untainted`, `modified`
 * (with --overwrite, or adding and removing at once), and its errors in kubectl's words.
 */
import type { Node, Taint } from '../../api/core';
import { resolveResource } from '../../api/kinds';
import { matchesSelector } from '../../api/selectors';
import { notFound } from '../../apiserver/errors';
import type { KubectlCommand, KubectlContext } from '../context';
import { fail, printError, println } from '../context';
import { bool } from '../flags';
import { labelSelectorOf } from '../select';

type Effect = Taint['effect'];
const EFFECTS: readonly string[] = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

const QUALIFIED_NAME = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Taint.ToString: `key=value:Effect`, `key:Effect`, `key=value:` or `key`. */
export function taintToString(t: { key: string; value?: string; effect?: string }): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** parseTaint: `key[=value]:effect` or a bare key. Returns the taint or kubectl's error text. */
export function parseTaint(spec: string): { key: string; value: string; effect?: Effect } | string {
  const parts = spec.split(':');
  let key: string;
  let value = '';
  let effect: Effect | undefined;
  if (parts.length === 1) key = parts[0]!;
  else if (parts.length === 2) {
    if (!EFFECTS.includes(parts[1]!)) return `invalid taint effect: ${parts[1]}, unsupported taint effect`;
    effect = parts[1] as Effect;
    const kv = parts[0]!.split('=');
    if (kv.length > 2) return `invalid taint spec: ${spec}`;
    key = kv[0]!;
    if (kv.length === 2) {
      value = kv[1]!;
      if (value.length > 63 || !LABEL_VALUE.test(value)) {
        return `invalid taint spec: ${spec}, a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`;
      }
    }
  } else return `invalid taint spec: ${spec}`;
  if (!QUALIFIED_NAME.test(key)) {
    return `invalid taint spec: ${spec}, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`;
  }
  return { key, value, ...(effect ? { effect } : {}) };
}

/** reorganizeTaints: the new taint list and the verb (`tainted`, `untainted`, `modified`), or an error. */
export function reorganizeTaints(old: readonly Taint[], overwrite: boolean, toAdd: Taint[], toRemove: { key: string; effect?: Effect }[]): { operation: string; taints: Taint[] } | string {
  let next: Taint[] = [...toAdd];
  for (const o of old) if (!next.some((t) => t.key === o.key && t.effect === o.effect)) next.push(o);
  const added = old.length !== next.length;
  let removed = false;
  for (const r of toRemove) {
    const before = next.length;
    next = next.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
    removed = next.length !== before;
    if (!removed) return `taint "${taintToString(r)}" not found`;
  }
  const operation = (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints: next };
}

function runTaint(ctx: KubectlContext, args: import('../flags').ParsedArgs): number {
  const resources: string[] = [];
  const taintArgs: string[] = [];
  for (const s of args.positional) {
    const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-');
    if (isTaint) taintArgs.push(s);
    else if (taintArgs.length) return fail(ctx, `all resources must be specified before taint changes: ${s}`);
    else resources.push(s);
  }
  if (resources.length < 1) return fail(ctx, 'one or more resources must be specified as <resource> <name>');
  if (taintArgs.length < 1) return fail(ctx, 'at least one taint update is required');
  const toAdd: Taint[] = [];
  const toRemove: { key: string; effect?: Effect }[] = [];
  for (const spec of taintArgs) {
    const usage = (m: string) => fail(ctx, `${m}\nSee '${ctx.commandPath} -h' for help and examples`);
    if (spec.endsWith('-')) {
      const t = parseTaint(spec.slice(0, -1));
      if (typeof t === 'string') return usage(t);
      toRemove.push({ key: t.key, ...(t.effect ? { effect: t.effect } : {}) });
      continue;
    }
    const t = parseTaint(spec);
    if (typeof t === 'string') return usage(t);
    if (!t.effect) return usage(`invalid taint spec: ${spec}`);
    if (toAdd.some((x) => x.key === t.key && x.effect === t.effect)) return usage(`duplicated taints with the same key and effect: {${t.key} ${t.value} ${t.effect} <nil>}`);
    toAdd.push({ key: t.key, ...(t.value ? { value: t.value } : {}), effect: t.effect });
  }
  const info = resolveResource(resources[0]!.toLowerCase());
  if (!info) return fail(ctx, `the server doesn't have a resource type "${resources[0]}"`);
  if (info.kind !== 'Node') return fail(ctx, `invalid resource type ${resources[0]!.toLowerCase()}, only node types are supported`);
  const conflicts = toAdd.flatMap((a) => toRemove.filter((r) => r.key === a.key && (!r.effect || r.effect === a.effect)).map((r) => `${r.key}=${r.effect ?? ''}`));
  if (conflicts.length) return fail(ctx, `can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`);
  const all = bool(args, 'all');
  const selector = labelSelectorOf(args);
  if (typeof selector === 'string') return fail(ctx, selector);
  if (all && selector) return fail(ctx, "setting 'all' parameter with a non empty selector is prohibited");
  if (!all && !selector && resources.length < 2) return fail(ctx, "at least one resource name must be specified since 'all' parameter is not set");

  let nodes: (Node | string)[];
  if (all || selector) nodes = ctx.api.list<Node>('Node').filter((n) => !selector || matchesSelector(selector, n.metadata.labels));
  else nodes = resources.slice(1).map((name) => ctx.api.get<Node>('Node', undefined, name) ?? name);
  let status = 0;
  for (const node of nodes) {
    if (typeof node === 'string') {
      status = printError(ctx, notFound('Node', node));
      continue;
    }
    const name = node.metadata.name;
    const old = node.spec.taints ?? [];
    if (!bool(args, 'overwrite')) {
      const exists = toAdd.filter((t) => old.some((o) => o.key === t.key && o.effect === t.effect)).map((t) => t.key);
      if (exists.length) return fail(ctx, `node ${name} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`);
    }
    const result = reorganizeTaints(old, bool(args, 'overwrite'), toAdd, toRemove);
    if (typeof result === 'string') return fail(ctx, result);
    try {
      ctx.api.mutate<Node>('Node', undefined, name, (d) => {
        if (result.taints.length) d.spec.taints = result.taints;
        else delete d.spec.taints;
      });
    } catch (e) {
      return printError(ctx, e);
    }
    println(ctx, `node/${name} ${result.operation}`);
  }
  return status;
}

export const taintCommand: KubectlCommand = {
  name: 'taint',
  short: 'Update the taints on one or more nodes',
  use: 'kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N',
  flags: [
    { name: 'overwrite', type: 'bool' },
    { name: 'all', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'dry-run', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'validate', type: 'string' },
    { name: 'field-manager', type: 'string' },
  ],
  run: runTaint,
};
