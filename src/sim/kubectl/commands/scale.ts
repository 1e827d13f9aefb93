/**
 * `kubectl scale`: sets spec.replicas of Deployments, ReplicaSets and StatefulSets.
 * Mirrors staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go.
 */
import type { KubeObject } from '../../api/meta';
import type { KubectlCommand } from '../context';
import { fail, printError, println } from '../context';
import { has, num } from '../flags';
import { objectRef } from '../names';
import { selectObjects } from '../select';

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet']);

export const scaleCommand: KubectlCommand = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or stateful set',
  use: 'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  flags: [
    { name: 'replicas', type: 'int' },
    { name: 'current-replicas', type: 'int' },
    { name: 'resource-version', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'filename', short: 'f', type: 'strings' },
    { name: 'timeout', type: 'string' },
  ],
  run(ctx, args) {
    if (!has(args, 'replicas')) return fail(ctx, `required flag(s) "replicas" not set`);
    const replicas = num(args, 'replicas')!;
    if (replicas < 0) return fail(ctx, `The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0`);
    const selection = selectObjects(ctx, args);
    if (typeof selection === 'number') return selection;
    let status = 0;
    for (const e of selection.errors) {
      ctx.io.stderr(e + '\n');
      status = 1;
    }
    for (const obj of selection.objects) {
      if (!SCALABLE.has(obj.kind)) {
        status = fail(ctx, `no scaler has been implemented for {"${obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : ''}" "${obj.kind}"}`);
        continue;
      }
      const current = num(args, 'current-replicas');
      const spec = (obj as KubeObject & { spec: { replicas?: number } }).spec;
      if (current !== undefined && current !== (spec.replicas ?? 1)) {
        status = fail(ctx, `Expected replicas to be ${current}, was ${spec.replicas ?? 1}`);
        continue;
      }
      try {
        ctx.api.mutate<KubeObject & { spec: { replicas?: number } }>(obj.kind, obj.metadata.namespace, obj.metadata.name, (d) => {
          d.spec.replicas = replicas;
        });
        println(ctx, `${objectRef(obj)} scaled`);
      } catch (e) {
        status = printError(ctx, e);
      }
    }
    return status;
  },
};
