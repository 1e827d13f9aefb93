/**
 * `kubectl label` and `kubectl annotate`: add (`key=value`), overwrite (`--overwrite`) and remove (`key-`)
 * labels or annotations. Mirrors staging/src/k8s.io/kubectl/pkg/cmd/label/label.go and annotate.go.
 */
import type { KubeObject } from '../../api/meta';
import type { KubectlCommand, KubectlContext } from '../context';
import { fail, printError, println } from '../context';
import { bool } from '../flags';
import type { ParsedArgs } from '../flags';
import { objectRef } from '../names';
import { selectObjects } from '../select';

function run(ctx: KubectlContext, args: ParsedArgs, field: 'labels' | 'annotations'): number {
  const verb = field === 'labels' ? 'labeled' : 'annotated';
  const changes = args.positional.filter((a) => a.includes('=') || a.endsWith('-'));
  const targets = args.positional.filter((a) => !changes.includes(a));
  if (changes.length === 0) return fail(ctx, `at least one ${field === 'labels' ? 'label' : 'annotation'} update is required`);
  const selection = selectObjects(ctx, { ...args, positional: targets });
  if (typeof selection === 'number') return selection;
  let status = 0;
  for (const e of selection.errors) {
    ctx.io.stderr(e + '\n');
    status = 1;
  }
  for (const obj of selection.objects) {
    const current = obj.metadata[field] ?? {};
    const next: Record<string, string> = { ...current };
    let removedOnly = true;
    for (const change of changes) {
      if (change.endsWith('-') && !change.includes('=')) {
        delete next[change.slice(0, -1)];
        continue;
      }
      removedOnly = false;
      const [key, ...value] = change.split('=');
      const text = value.join('=');
      if (key! in current && current[key!] !== text && !bool(args, 'overwrite')) {
        return fail(ctx, `'${key}' already has a value (${current[key!]}), and --overwrite is false`);
      }
      next[key!] = text;
    }
    try {
      const updated = ctx.api.mutate<KubeObject>(obj.kind, obj.metadata.namespace, obj.metadata.name, (d) => {
        d.metadata[field] = next;
        if (Object.keys(next).length === 0) delete d.metadata[field];
      });
      const unchanged = updated?.metadata.resourceVersion === obj.metadata.resourceVersion;
      const word = unchanged ? `not ${verb}` : removedOnly && field === 'labels' ? 'unlabeled' : verb;
      println(ctx, `${objectRef(obj)} ${word}`);
    } catch (e) {
      status = printError(ctx, e);
    }
  }
  return status;
}

const flags = [
  { name: 'overwrite', type: 'bool' as const },
  { name: 'selector', short: 'l', type: 'string' as const },
  { name: 'all', type: 'bool' as const },
  { name: 'filename', short: 'f', type: 'strings' as const },
  { name: 'all-namespaces', short: 'A', type: 'bool' as const },
];

export const labelCommand: KubectlCommand = {
  name: 'label',
  short: 'Update the labels on a resource',
  use: 'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N',
  flags,
  run: (ctx, args) => run(ctx, args, 'labels'),
};

export const annotateCommand: KubectlCommand = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  use: 'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N',
  flags,
  run: (ctx, args) => run(ctx, args, 'annotations'),
};
