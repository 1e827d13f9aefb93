/**
 * `kubectl create poddisruptionbudget|pdb NAME --selector=... --min-available=N|N% | --max-unavailable=N|N%`,
 * as staging/src/k8s.io/kubectl/pkg/cmd/create/create_pdb.go validates and builds it.
 */
import type { PodDisruptionBudget } from '../../api/other';
import { parseSelector } from '../../api/selectors';
import type { KubectlCommand } from '../context';
import { fail, formatError, println } from '../context';
import { str } from '../flags';
import { objectRef } from '../names';
import { printObjects } from '../output';

/** intstr.Parse: digits become an int, anything else stays a string. */
function intOrString(text: string): number | string {
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

export const createPdbCommand: KubectlCommand = {
  name: 'poddisruptionbudget',
  aliases: ['pdb'],
  short: 'Create a pod disruption budget with the specified name',
  use: 'kubectl create poddisruptionbudget NAME --selector=SELECTOR --min-available=N [--dry-run=server|client|none]',
  flags: [
    { name: 'min-available', type: 'string' },
    { name: 'max-unavailable', type: 'string' },
    { name: 'selector', type: 'string' },
    { name: 'dry-run', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'save-config', type: 'bool' },
    { name: 'validate', type: 'string' },
    { name: 'field-manager', type: 'string' },
  ],
  run(ctx, args) {
    const name = args.positional[0];
    if (!name || args.positional.length > 1) {
      return fail(ctx, `exactly one NAME is required, got ${args.positional.length}\nSee '${ctx.commandPath} -h' for help and examples`);
    }
    const selector = str(args, 'selector') ?? '';
    const minAvailable = str(args, 'min-available') ?? '';
    const maxUnavailable = str(args, 'max-unavailable') ?? '';
    if (!selector) return fail(ctx, 'a selector must be specified');
    if (!maxUnavailable && !minAvailable) return fail(ctx, 'one of min-available or max-unavailable must be specified');
    if (maxUnavailable && minAvailable) return fail(ctx, 'min-available and max-unavailable cannot be both specified');
    if (minAvailable && !/^[0-9]+%?$/.test(minAvailable)) return fail(ctx, 'invalid format specified for min-available');
    if (maxUnavailable && !/^[0-9]+%?$/.test(maxUnavailable)) return fail(ctx, 'invalid format specified for max-unavailable');
    const parsed = parseSelector(selector);
    if (!parsed.ok) return fail(ctx, parsed.error);
    const labelSelector = { ...parsed.selector };
    if (!labelSelector.matchExpressions?.length) delete labelSelector.matchExpressions;
    const pdb: PodDisruptionBudget = {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name, namespace: ctx.namespace, uid: '', resourceVersion: '', creationTimestamp: '' },
      spec: {
        ...(minAvailable ? { minAvailable: intOrString(minAvailable) } : { maxUnavailable: intOrString(maxUnavailable) }),
        selector: labelSelector,
      },
    };
    const dryRun = str(args, 'dry-run');
    let created = pdb;
    if (dryRun !== 'client') {
      try {
        created = dryRun === 'server' ? pdb : ctx.api.create(pdb);
      } catch (e) {
        const message = formatError(e).replace(/^error: /, '');
        return fail(ctx, `failed to create poddisruptionbudgets: ${message.replace(/^Error from server \(\w+\): /, '')}`);
      }
    }
    const output = str(args, 'output');
    if (output) return printObjects(ctx, [created], output);
    println(ctx, `${objectRef(created)} created${dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''}`);
    return 0;
  },
};
