/**
 * `kubectl wait --for=condition=Ready|delete|jsonpath=...`: advances the virtual clock until every
 * selected object meets the condition or --timeout (default 30s) passes. Mirrors
 * staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go and its messages.
 */
import { resourceForKind } from '../../api/kinds';
import type { Condition, KubeObject } from '../../api/meta';
import type { KubectlCommand, KubectlContext } from '../context';
import { fail, println } from '../context';
import { parseDuration } from '../durations';
import { str } from '../flags';
import { evalPath } from '../jsonpath';
import { objectRef } from '../names';
import { selectObjects } from '../select';

type Check = (obj: KubeObject | undefined) => boolean;

function conditionCheck(spec: string): Check | string {
  if (spec === 'delete') return (obj) => obj === undefined;
  if (spec.startsWith('condition=')) {
    const [type, wanted = 'true'] = spec.slice('condition='.length).split('=');
    return (obj) => {
      const conditions = (obj as (KubeObject & { status?: { conditions?: Condition[] } }) | undefined)?.status?.conditions ?? [];
      const c = conditions.find((x) => x.type.toLowerCase() === type!.toLowerCase());
      return c !== undefined && c.status.toLowerCase() === wanted.toLowerCase();
    };
  }
  if (spec.startsWith('jsonpath=')) {
    const m = spec.slice('jsonpath='.length).match(/^\{?([^}=]*)\}?(?:=(.*))?$/);
    if (!m) return `jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'`;
    const path = m[1]!.startsWith('.') ? m[1]! : `.${m[1]}`;
    const wanted = m[2];
    return (obj) => {
      if (!obj) return false;
      const values = evalPath(path, obj);
      if (!values.length) return false;
      return wanted === undefined ? true : values.some((v) => String(v) === wanted);
    };
  }
  if (spec === 'create') return (obj) => obj !== undefined;
  return `unrecognized condition: "${spec}"`;
}

export const waitCommand: KubectlCommand = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  use: "kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]]",
  flags: [
    { name: 'for', type: 'string' },
    { name: 'timeout', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'filename', short: 'f', type: 'strings' },
  ],
  run(ctx, args) {
    const forSpec = str(args, 'for');
    if (!forSpec) return fail(ctx, `--for must be specified`);
    const check = conditionCheck(forSpec);
    if (typeof check === 'string') return fail(ctx, check);
    const timeoutText = str(args, 'timeout') ?? '30s';
    const timeoutMs = parseDuration(timeoutText);
    if (timeoutMs === undefined) return fail(ctx, `invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"`);
    const selection = selectObjects(ctx, args);
    if (typeof selection === 'number') return selection;
    if (selection.errors.length && forSpec !== 'delete') {
      for (const e of selection.errors) ctx.io.stderr(e + '\n');
      return 1;
    }
    if (selection.objects.length === 0) return fail(ctx, 'no matching resources found');
    return waitFor(ctx, selection.objects, check, forSpec, timeoutMs);
  },
};

function waitFor(ctx: KubectlContext, objects: KubeObject[], check: Check, forSpec: string, timeoutMs: number): number {
  const current = (o: KubeObject) => {
    const live = ctx.api.get(o.kind, o.metadata.namespace, o.metadata.name);
    return live && live.metadata.uid === o.metadata.uid ? live : forSpec === 'delete' ? undefined : live;
  };
  const met = new Set<KubeObject>();
  const deadline = ctx.cluster.now() + timeoutMs;
  for (const obj of objects) {
    ctx.cluster.advanceUntil(() => check(current(obj)), Math.max(0, deadline - ctx.cluster.now()));
    if (!check(current(obj))) {
      const info = resourceForKind(obj.kind);
      return fail(ctx, `timed out waiting for the condition on ${info?.resource ?? obj.kind}/${obj.metadata.name}`);
    }
    met.add(obj);
    println(ctx, `${objectRef(obj)} ${forSpec === 'delete' ? 'deleted' : 'condition met'}`);
  }
  return 0;
}
