/**
 * `kubectl exec POD [-c CONTAINER] [-i] [-t] -- COMMAND [args...]`: runs a command in a container, or, with
 * -i and -t and a shell, opens an interactive shell in the terminal until `exit`.
 * Mirrors staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go (its checks and messages).
 */
import type { Pod } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import { matchesSelector } from '../../api/selectors';
import { notFound } from '../../apiserver/errors';
import { PodShell, execInPod } from '../../shell';
import type { KubectlCommand, KubectlContext } from '../context';
import { fail, printError } from '../context';
import { bool, str } from '../flags';
import { resolveArgs } from '../resources';

const SHELLS = new Set(['sh', '/bin/sh', 'bash', '/bin/bash', 'ash', '/bin/ash']);

/** Finds the pod for `web-0`, `pod/web-0`, `sts/web` or `deploy/x` (the first pod of a workload). */
export function resolvePod(ctx: KubectlContext, target: string): Pod | string {
  if (!target.includes('/')) {
    const pod = ctx.api.get<Pod>('Pod', ctx.namespace, target);
    return pod ?? notFound('Pod', target).message;
  }
  const resolved = resolveArgs([target]);
  if (!resolved.ok) return resolved.error;
  const request = resolved.requests[0]!;
  const name = request.names[0]!;
  const obj = ctx.api.get<KubeObject & { spec?: { selector?: { matchLabels?: Record<string, string> } } }>(request.info.kind, ctx.namespace, name);
  if (!obj) return notFound(request.info.kind, name).message;
  if (obj.kind === 'Pod') return obj as unknown as Pod;
  const selector = obj.spec?.selector;
  const pods = ctx.api.list<Pod>('Pod', ctx.namespace).filter((p) => matchesSelector(selector, p.metadata.labels) && !p.metadata.deletionTimestamp);
  const first = pods.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))[0];
  return first ?? `no pods found for ${target}`;
}

export const execCommand: KubectlCommand = {
  name: 'exec',
  short: 'Execute a command in a container',
  use: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'filename', short: 'f', type: 'strings' },
    { name: 'pod-running-timeout', type: 'string' },
  ],
  run(ctx, args) {
    const [target, ...extra] = args.positional;
    if (!target) return fail(ctx, `pod, type/name or --filename must be specified`);
    if (extra.length && !args.sawDash) {
      return fail(ctx, `exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead`);
    }
    const argv = args.sawDash ? args.afterDash : extra;
    if (argv.length === 0) return fail(ctx, `you must specify at least one command for the container`);
    const found = resolvePod(ctx, target);
    if (typeof found === 'string') return found.includes('not found') ? printError(ctx, notFound('Pod', target.split('/').pop()!)) : fail(ctx, found);
    const pod = found;
    const container = str(args, 'container');
    if (!container && pod.spec.containers.length > 1 && !bool(args, 'quiet')) {
      const names = pod.spec.containers.map((c) => c.name).join(', ');
      ctx.io.stderr(`Defaulted container "${pod.spec.containers[0]!.name}" out of: ${names}\n`);
    }
    if (bool(args, 'stdin') && bool(args, 'tty') && SHELLS.has(argv[0]!) && argv.length === 1) {
      let shell: PodShell;
      try {
        shell = new PodShell(ctx.cluster.ctx, pod, container);
      } catch (e) {
        return fail(ctx, e instanceof Error ? e.message : String(e));
      }
      ctx.terminal.startInteractive({
        prompt: () => shell.prompt,
        line: (input) => {
          const output = shell.line(input);
          return { output, exited: shell.exited };
        },
        close: () => (shell.exitCode !== 0 ? `command terminated with exit code ${shell.exitCode}\n` : ''),
      });
      return 0;
    }
    const result = execInPod(ctx.cluster.ctx, pod, container, argv, ctx.io.stdin);
    if (result.error) return fail(ctx, result.error);
    ctx.io.stdout(result.stdout);
    ctx.io.stderr(result.stderr);
    if (result.exitCode !== 0) {
      ctx.io.stderr(`command terminated with exit code ${result.exitCode}\n`);
      return result.exitCode;
    }
    return 0;
  },
};
