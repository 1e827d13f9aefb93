/**
 * `kubectl patch`: strategic (default), merge and json patches. Mirrors
 * staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go: prints `patched` or `patched (no change)`.
 */
import { parse as parseYaml } from 'yaml';
import type { KubeObject } from '../../api/meta';
import { badRequest } from '../../apiserver/errors';
import type { KubectlCommand } from '../context';
import { fail, printError, println } from '../context';
import { str } from '../flags';
import { jsonPatch, mergePatch, strategicMergePatch } from '../merge';
import type { JsonPatchOperation } from '../merge';
import { objectRef } from '../names';
import { printObjects } from '../output';
import { selectObjects } from '../select';

export const patchCommand: KubectlCommand = {
  name: 'patch',
  short: 'Update fields of a resource',
  use: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]',
  flags: [
    { name: 'patch', short: 'p', type: 'string' },
    { name: 'type', type: 'string' },
    { name: 'filename', short: 'f', type: 'strings' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'dry-run', type: 'string' },
    { name: 'subresource', type: 'string' },
  ],
  run(ctx, args) {
    const patchText = str(args, 'patch');
    if (patchText === undefined) return fail(ctx, `must specify -p to patch`);
    const type = str(args, 'type') ?? 'strategic';
    if (!['strategic', 'merge', 'json'].includes(type)) {
      return fail(ctx, `--type must be one of [json merge strategic], not "${type}"`);
    }
    let patch: unknown;
    try {
      patch = parseYaml(patchText);
    } catch {
      return fail(ctx, `unable to parse "${patchText}": yaml: did not find expected node content`);
    }
    if (type === 'json' ? !Array.isArray(patch) : typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
      return printError(ctx, badRequest(type === 'json' ? 'json: cannot unmarshal object into Go value of type jsonpatch.Patch' : 'json: cannot unmarshal array into Go value of type map[string]interface {}'));
    }
    const selection = selectObjects(ctx, args);
    if (typeof selection === 'number') return selection;
    let status = 0;
    for (const e of selection.errors) {
      ctx.io.stderr(e + '\n');
      status = 1;
    }
    for (const obj of selection.objects) {
      try {
        let patched: unknown;
        if (type === 'json') patched = jsonPatch(obj, patch as JsonPatchOperation[]);
        else if (type === 'merge') patched = mergePatch(obj, patch);
        else patched = strategicMergePatch(obj, patch);
        const next = patched as KubeObject;
        next.metadata = { ...next.metadata, resourceVersion: obj.metadata.resourceVersion };
        const subresource = str(args, 'subresource') === 'status' ? { subresource: 'status' as const } : {};
        const updated = str(args, 'dry-run') ? next : ctx.api.update(next, subresource);
        const output = str(args, 'output');
        if (output) {
          printObjects(ctx, [updated], output);
          continue;
        }
        const unchanged = updated.metadata.resourceVersion === obj.metadata.resourceVersion;
        println(ctx, `${objectRef(obj)} patched${unchanged ? ' (no change)' : ''}`);
      } catch (e) {
        status = e instanceof Error && !('reason' in e) ? printError(ctx, badRequest(e.message)) : printError(ctx, e);
      }
    }
    return status;
  },
};
