/**
 * `kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ...`. Mirrors
 * staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go with cmdutil.GetResourcesAndPairs / ParsePairs and
 * polymorphichelpers/updatepodspec.go: each object's containers and init containers named on the command
 * line (or `*`) get the new image; an object that ends up unchanged is skipped without a word; errors come
 * after the `image updated` lines. `--record` writes the kubernetes.io/change-cause annotation.
 * Simplified: no --local; `--all` and `-l` list objects of the named types as `kubectl get` does.
 */
import type { PodSpec } from '../../api/core';
import { resourceForKind } from '../../api/kinds';
import type { KubeObject } from '../../api/meta';
import { deepClone, deepEqual } from '../../apiserver/objects';
import type { KubectlCommand, KubectlContext } from '../context';
import { fail } from '../context';
import type { FlagValue, ParsedArgs } from '../flags';
import { bool, str, strs } from '../flags';
import { printObjects } from '../output';
import { CHANGE_CAUSE_ANNOTATION } from './rollout/deploymentHistory';
import type { CollectedError } from './rollout/rolloutUtil';
import { collect, dryRunStrategy, nameLine, printAggregate, resolveTargets, withDryRun } from './rollout/rolloutUtil';

/** The builder's error when no resource was named (resource.missingResourceError). */
export const MISSING_RESOURCE_ERROR = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/** GetResourcesAndPairs: resource words first, then `name=value` pairs; a resource after a pair is an error. */
export function getResourcesAndPairs(args: readonly string[], pairType: string): { resources: string[]; pairs: string[] } | { error: string } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const nonResource = (s.includes('=') && !s.startsWith('=')) || (s.endsWith('-') && s !== '-');
    if (nonResource) pairs.push(s);
    else if (pairs.length) return { error: `all resources must be specified before ${pairType} changes: ${s}` };
    else resources.push(s);
  }
  return { resources, pairs };
}

/** ParsePairs without removals: `name=value` into a map (the last one wins), `invalid image format: ...` otherwise. */
export function parseImagePairs(pairs: readonly string[]): Map<string, string> | { error: string } {
  const images = new Map<string, string>();
  const invalid: string[] = [];
  for (const pair of pairs) {
    if (pair.includes('=') && !pair.startsWith('=')) {
      const i = pair.indexOf('=');
      images.set(pair.slice(0, i), pair.slice(i + 1));
    } else {
      invalid.push(pair);
    }
  }
  return invalid.length ? { error: `invalid image format: ${invalid.join(', ')}` } : images;
}

/** The pod spec an object carries (updatepodspec.go), or undefined for kinds without one. */
function podSpecOf(obj: KubeObject): PodSpec | undefined {
  if (obj.kind === 'Pod') return (obj as KubeObject & { spec: PodSpec }).spec;
  if (['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ReplicationController', 'Job'].includes(obj.kind)) {
    return (obj as KubeObject & { spec: { template: { spec: PodSpec } } }).spec.template.spec;
  }
  return undefined;
}

/** setImage: sets the image of the containers called `name` (all for `*`); true when one was found. */
export function setContainerImage(spec: PodSpec, name: string, image: string): boolean {
  let found = false;
  for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
    if (c.name === name || name === '*') {
      c.image = image;
      found = true;
    }
  }
  return found;
}

/** RecordFlags' change cause: `kubectl set image <args> --flag=value ...` in the order the flags came. */
export function changeCause(commandPath: string, args: ParsedArgs): string {
  const shown = (v: FlagValue) => (Array.isArray(v) ? v.join(',') : String(v));
  const flags = [...args.flags.entries()].map(([k, v]) => ` --${k}=${shown(v)}`).join('');
  return `${commandPath}${args.positional.length ? ` ${args.positional.join(' ')}` : ''}${flags}`;
}

function validate(args: ParsedArgs, resources: string[], images: Map<string, string>): string[] {
  const errors: string[] = [];
  if (bool(args, 'all') && str(args, 'selector') !== undefined) errors.push('cannot set --all and --selector at the same time');
  if (resources.length < 1 && strs(args, 'filename').length === 0) errors.push('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (images.size < 1) errors.push('at least one image update is required');
  else if (images.size > 1 && images.has('*')) errors.push('all containers are already specified by *, but saw more than one container_name=container_image pairs');
  return errors;
}

function runSetImage(ctx: KubectlContext, args: ParsedArgs): number {
  const record = bool(args, 'record');
  if (args.flags.has('record')) ctx.io.stderr('Flag --record has been deprecated, --record will be removed in the future\n');
  const dryRun = dryRunStrategy(args);
  if (typeof dryRun !== 'string') return fail(ctx, dryRun.error);
  const split = getResourcesAndPairs(args.positional, 'image');
  if ('error' in split) return fail(ctx, split.error);
  const images = parseImagePairs(split.pairs);
  if (!(images instanceof Map)) return fail(ctx, images.error);
  if (split.resources.length === 0 && strs(args, 'filename').length === 0) return fail(ctx, MISSING_RESOURCE_ERROR);
  const namesGiven = split.resources.some((r) => r.includes('/')) || split.resources.length > 1;
  if (split.resources.length && !namesGiven && !bool(args, 'all') && str(args, 'selector') === undefined) {
    return fail(ctx, 'resource(s) were provided, but no name was specified');
  }
  const targets = resolveTargets(ctx, args, split.resources);
  if (typeof targets === 'number') return targets;
  if (targets.errors.length) return printAggregate(ctx, targets.errors.map((text) => ({ text, standard: true })));
  const invalid = validate(args, split.resources, images);
  if (invalid.length) return printAggregate(ctx, invalid.map((text) => ({ text, standard: false })));

  const errors: CollectedError[] = [];
  const cause = record ? changeCause(ctx.commandPath, args) : undefined;
  const edit = (draft: KubeObject): boolean => {
    const spec = podSpecOf(draft);
    if (!spec) return false;
    for (const [name, image] of images) setContainerImage(spec, name, image);
    if (cause !== undefined) draft.metadata.annotations = { ...(draft.metadata.annotations ?? {}), [CHANGE_CAUSE_ANNOTATION]: cause };
    return true;
  };
  const changed: KubeObject[] = [];
  for (const obj of targets.objects) {
    const draft = deepClone(obj);
    const spec = podSpecOf(draft);
    if (!spec) {
      const version = resourceForKind(obj.kind)?.version ?? 'v1';
      errors.push({ text: `error: ${resourceForKind(obj.kind)?.resource ?? obj.kind}/${obj.metadata.name} the object is not a pod or does not have a pod template: *${version}.${obj.kind}\n`, standard: false });
      continue;
    }
    for (const name of images.keys()) {
      if (!setContainerImage(deepClone(spec), name, '')) errors.push({ text: `error: unable to find container named "${name}"`, standard: false });
    }
    edit(draft);
    if (!deepEqual(draft, obj)) changed.push(obj);
  }
  const output = str(args, 'output');
  for (const obj of changed) {
    let actual: KubeObject | undefined = obj;
    if (dryRun !== 'client') {
      try {
        actual = dryRun === 'server' ? obj : ctx.api.mutate<KubeObject>(obj.kind, obj.metadata.namespace, obj.metadata.name, (d) => edit(d));
      } catch (err) {
        errors.push({ text: `failed to patch image update to pod template: ${collect(err).text}`, standard: false });
        continue;
      }
    }
    if (output && output !== 'name') printObjects(ctx, [actual ?? obj], output);
    else ctx.io.stdout(nameLine(actual ?? obj, output === 'name' ? '' : withDryRun('image updated', dryRun)));
  }
  return printAggregate(ctx, errors);
}

/** `kubectl set image`. */
export const setImageCommand: KubectlCommand = {
  name: 'image',
  short: 'Update the image of a pod template',
  use: 'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N',
  flags: [
    { name: 'all', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'filename', short: 'f', type: 'strings' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'dry-run', type: 'string' },
    { name: 'record', type: 'bool' },
    { name: 'field-manager', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'template', type: 'string' },
    { name: 'allow-missing-template-keys', type: 'bool' },
    { name: 'show-managed-fields', type: 'bool' },
  ],
  run: runSetImage,
};
