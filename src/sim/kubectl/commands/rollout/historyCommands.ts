// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_history.go and rollout_undo.go, with the
// HistoryViewerFor / RollbackerFor lookups of polymorphichelpers (history.go, rollback.go) and the kind
// visitor of pkg/apps/kind_visitor.go that decides which error an unsupported kind gets.
import type { Deployment, StatefulSet } from '../../../api/apps';
import { resourceForKind } from '../../../api/kinds';
import type { KubeObject } from '../../../api/meta';
import type { ApiServer } from '../../../apiserver/store';
import type { KubectlCommand } from '../../context';
import { fail } from '../../context';
import { num, str } from '../../flags';
import { printObjects } from '../../output';
import { getDeploymentHistory, rollbackDeployment, viewDeploymentHistory } from './deploymentHistory';
import { collect, dryRunStrategy, groupKindString, nameLine, printAggregate, requireResource, resolveTargets, RolloutError, withDryRun } from './rolloutUtil';
import type { CollectedError, DryRunStrategy } from './rolloutUtil';
import { getStatefulSetHistory, rollbackStatefulSet, viewStatefulSetHistory } from './statefulSetHistory';

/** Kinds pkg/apps.GroupKindElement.Accept has a visit method for. */
const VISITABLE = new Set(['DaemonSet', 'Deployment', 'Job', 'Pod', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'CronJob']);

/** The kind visitor's error for a kind with no visit method: `{apps ControllerRevision}` is Go's %v of the struct. */
function visitorError(kind: string, what: 'history' | 'rollbacker'): RolloutError {
  const group = resourceForKind(kind)?.group ?? '';
  const retrieving = what === 'history' ? 'error retrieving history for' : 'error retrieving rollbacker for';
  return new RolloutError(`${retrieving} "${groupKindString(kind)}", no visitor method exists for {${group} ${kind}}`);
}

interface HistoryViewer {
  view(api: ApiServer, obj: KubeObject, revision: number): string;
  get(api: ApiServer, obj: KubeObject): Map<number, KubeObject>;
}

/** HistoryViewerFor. */
function historyViewerFor(kind: string): HistoryViewer {
  if (kind === 'Deployment') return { view: (api, o, r) => viewDeploymentHistory(api, o as Deployment, r), get: (api, o) => getDeploymentHistory(api, o as Deployment) };
  if (kind === 'StatefulSet') return { view: (api, o, r) => viewStatefulSetHistory(api, o as StatefulSet, r), get: (api, o) => getStatefulSetHistory(api, o as StatefulSet) };
  if (!VISITABLE.has(kind)) throw visitorError(kind, 'history');
  throw new RolloutError(`no history viewer has been implemented for "${groupKindString(kind)}"`);
}

type Rollbacker = (api: ApiServer, obj: KubeObject, toRevision: number, dryRun: DryRunStrategy) => string;

/** RollbackerFor. */
function rollbackerFor(kind: string): Rollbacker {
  if (kind === 'Deployment') return (api, o, r, dry) => rollbackDeployment(api, o as Deployment, r, dry);
  if (kind === 'StatefulSet') return (api, o, r, dry) => rollbackStatefulSet(api, o as StatefulSet, r, dry);
  if (!VISITABLE.has(kind)) throw visitorError(kind, 'rollbacker');
  throw new RolloutError(`no rollbacker has been implemented for "${groupKindString(kind)}"`);
}

const OUTPUT_FLAGS = [
  { name: 'output', short: 'o', type: 'string' as const },
  { name: 'template', type: 'string' as const },
  { name: 'allow-missing-template-keys', type: 'bool' as const },
  { name: 'show-managed-fields', type: 'bool' as const },
];

export const rolloutHistoryCommand: KubectlCommand = {
  name: 'history',
  short: 'View rollout history',
  use: 'kubectl rollout history (TYPE NAME | TYPE/NAME) [flags]',
  flags: [
    { name: 'revision', type: 'int' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'filename', short: 'f', type: 'strings' },
    { name: 'recursive', short: 'R', type: 'bool' },
    ...OUTPUT_FLAGS,
  ],
  run(ctx, args) {
    const missing = requireResource(args);
    if (missing) return fail(ctx, missing);
    const revision = num(args, 'revision') ?? 0;
    if (revision < 0) return fail(ctx, `revision must be a positive integer: ${revision}`);
    const targets = resolveTargets(ctx, args);
    if (typeof targets === 'number') return targets;
    const errors: CollectedError[] = targets.errors.map((text) => ({ text, standard: true }));
    const output = str(args, 'output');
    for (const obj of targets.objects) {
      try {
        const viewer = historyViewerFor(obj.kind);
        if (output) {
          const history = viewer.get(ctx.api, obj);
          if (revision > 0) {
            const one = history.get(revision);
            if (!one) throw new RolloutError('unable to find the specified revision');
            printObjects(ctx, [one], output);
          } else {
            for (const key of [...history.keys()].sort((a, b) => a - b)) printObjects(ctx, [history.get(key)!], output);
          }
          continue;
        }
        const text = viewer.view(ctx.api, obj, revision);
        const withRevision = revision > 0 ? `with revision #${revision}` : '';
        ctx.io.stdout(nameLine(obj, `${withRevision}\n${text}`));
      } catch (err) {
        if (!(err instanceof RolloutError)) throw err;
        errors.push(collect(err));
      }
    }
    return printAggregate(ctx, errors);
  },
};

export const rolloutUndoCommand: KubectlCommand = {
  name: 'undo',
  short: 'Undo a previous rollout',
  use: 'kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags]',
  flags: [
    { name: 'to-revision', type: 'int' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'filename', short: 'f', type: 'strings' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'dry-run', type: 'string' },
    ...OUTPUT_FLAGS,
  ],
  run(ctx, args) {
    const dryRun = dryRunStrategy(args);
    if (typeof dryRun !== 'string') return fail(ctx, dryRun.error);
    const missing = requireResource(args);
    if (missing) return fail(ctx, missing);
    const toRevision = num(args, 'to-revision') ?? 0;
    const targets = resolveTargets(ctx, args);
    if (typeof targets === 'number') return targets;
    const errors: CollectedError[] = targets.errors.map((text) => ({ text, standard: true }));
    const output = str(args, 'output');
    for (const obj of targets.objects) {
      try {
        const result = rollbackerFor(obj.kind)(ctx.api, obj, toRevision, dryRun);
        if (output && output !== 'name') printObjects(ctx, [obj], output);
        else ctx.io.stdout(output === 'name' ? nameLine(obj, '') : nameLine(obj, withDryRun(result, dryRun)));
      } catch (err) {
        if (!(err instanceof RolloutError)) throw err;
        errors.push(collect(err));
      }
    }
    return printAggregate(ctx, errors);
  },
};
