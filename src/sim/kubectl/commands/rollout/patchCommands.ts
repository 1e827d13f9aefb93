// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_restart.go, rollout_pause.go and
// rollout_resume.go: compute each object's patch with the polymorphic patcher, report patcher errors as
// `error: <resource> "<name>" <reason>`, and print `restarted` / `paused` / `resumed` (or `already ...`).
import { deepClone, deepEqual } from '../../../apiserver/objects';
import type { KubeObject } from '../../../api/meta';
import type { KubectlCommand, KubectlContext } from '../../context';
import { fail } from '../../context';
import type { ParsedArgs } from '../../flags';
import { str } from '../../flags';
import { printObjects } from '../../output';
import type { ObjectPatcher } from './objectPatchers';
import { objectPauser, objectRestarter, objectResumer } from './objectPatchers';
import { collect, nameLine, printAggregate, requireResource, resolveTargets, resourceString, RolloutError } from './rolloutUtil';
import type { CollectedError } from './rolloutUtil';

interface PatchVerb {
  patcher: (ctx: KubectlContext) => ObjectPatcher;
  /** The printer's operation after a successful patch. */
  done: string;
  /** What an empty patch means: a line to print, or an error for the object's name. */
  unchanged: { print: string } | { error: (name: string) => string };
}

function runPatchVerb(ctx: KubectlContext, args: ParsedArgs, verb: PatchVerb): number {
  const missing = requireResource(args);
  if (missing) return fail(ctx, missing);
  const targets = resolveTargets(ctx, args);
  if (typeof targets === 'number') return targets;
  const errors: CollectedError[] = targets.errors.map((text) => ({ text, standard: true }));
  if (targets.objects.length === 0 && errors.length === 0) {
    ctx.io.stderr(`No resources found in ${ctx.namespace} namespace.\n`);
    return 0;
  }
  const patcher = verb.patcher(ctx);
  const output = str(args, 'output');
  for (const obj of targets.objects) {
    const draft = deepClone(obj);
    try {
      patcher(draft);
    } catch (err) {
      if (!(err instanceof RolloutError)) throw err;
      errors.push({ text: `error: ${resourceString(obj.kind)} "${obj.metadata.name}" ${err.message}`, standard: false });
      continue;
    }
    if (deepEqual(draft, obj)) {
      if ('print' in verb.unchanged) ctx.io.stdout(nameLine(obj, verb.unchanged.print));
      else errors.push({ text: verb.unchanged.error(obj.metadata.name), standard: false });
      continue;
    }
    let updated: KubeObject | undefined;
    try {
      updated = ctx.api.mutate<KubeObject>(obj.kind, obj.metadata.namespace, obj.metadata.name, (live) => patcher(live));
    } catch (err) {
      const e = collect(err);
      errors.push({ text: `failed to patch: ${e.text}`, standard: false });
      continue;
    }
    if (output && output !== 'name') printObjects(ctx, [updated ?? obj], output);
    else ctx.io.stdout(nameLine(obj, output === 'name' ? '' : verb.done));
  }
  return printAggregate(ctx, errors);
}

const FLAGS = [
  { name: 'selector', short: 'l', type: 'string' as const },
  { name: 'filename', short: 'f', type: 'strings' as const },
  { name: 'recursive', short: 'R', type: 'bool' as const },
  { name: 'field-manager', type: 'string' as const },
  { name: 'output', short: 'o', type: 'string' as const },
  { name: 'template', type: 'string' as const },
  { name: 'allow-missing-template-keys', type: 'bool' as const },
  { name: 'show-managed-fields', type: 'bool' as const },
];

export const rolloutRestartCommand: KubectlCommand = {
  name: 'restart',
  short: 'Restart a resource',
  use: 'kubectl rollout restart RESOURCE',
  flags: FLAGS,
  run: (ctx, args) =>
    runPatchVerb(ctx, args, {
      patcher: (c) => objectRestarter(c.cluster.clock.timestamp()),
      done: 'restarted',
      unchanged: { error: (name) => `failed to create patch for ${name}: if restart has already been triggered within the past second, please wait before attempting to trigger another` },
    }),
};

export const rolloutPauseCommand: KubectlCommand = {
  name: 'pause',
  short: 'Mark the provided resource as paused',
  use: 'kubectl rollout pause RESOURCE',
  flags: FLAGS,
  run: (ctx, args) => runPatchVerb(ctx, args, { patcher: () => objectPauser, done: 'paused', unchanged: { print: 'already paused' } }),
};

export const rolloutResumeCommand: KubectlCommand = {
  name: 'resume',
  short: 'Resume a paused resource',
  use: 'kubectl rollout resume RESOURCE',
  flags: FLAGS,
  run: (ctx, args) => runPatchVerb(ctx, args, { patcher: () => objectResumer, done: 'resumed', unchanged: { print: 'already resumed' } }),
};
