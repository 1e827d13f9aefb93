/**
 * `kubectl run NAME --image=IMAGE [--restart=Never] [--rm] [-i] [-t] [--command] -- [args...]`: creates a
 * pod; attached (-i / -t) it waits for the pod to run, then streams the command's output or opens an
 * interactive shell, and with --rm deletes the pod afterwards. Mirrors
 * staging/src/k8s.io/kubectl/pkg/cmd/run/run.go.
 * Simplified: a one-shot command's output is produced by the container's shell engine when the pod runs.
 */
import type { Container, Pod } from '../../api/core';
import { runCommand } from '../../shell/interpreter';
import { Session } from '../../shell/session';
import { PodShell } from '../../shell';
import type { KubectlCommand, KubectlContext } from '../context';
import { fail, printError, println } from '../context';
import { parseDuration } from '../durations';
import { bool, num, str, strs } from '../flags';
import { printObjects } from '../output';
import { deletedMessage } from './delete';

const meta = { uid: '', resourceVersion: '', creationTimestamp: '' };
const SHELLS = new Set(['sh', '/bin/sh', 'bash', '/bin/bash', 'ash']);
const SHELL_IMAGES = /(^|\/)(busybox|alpine|ubuntu|debian|bash)(:|@|$)/;

export const runCommandDef: KubectlCommand = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  use: 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  flags: [
    { name: 'image', type: 'string' },
    { name: 'restart', type: 'string' },
    { name: 'rm', type: 'bool' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'attach', type: 'bool' },
    { name: 'command', type: 'bool' },
    { name: 'env', type: 'strings' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'port', type: 'int' },
    { name: 'dry-run', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'pod-running-timeout', type: 'string' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'image-pull-policy', type: 'string' },
  ],
  run(ctx, args) {
    const name = args.positional[0];
    if (!name) return fail(ctx, `NAME is required for run\nSee 'kubectl run -h' for help and examples`);
    const image = str(args, 'image');
    if (!image) return fail(ctx, `--image is required`);
    const restart = str(args, 'restart') ?? 'Always';
    if (!['Always', 'OnFailure', 'Never'].includes(restart)) return fail(ctx, `invalid restart policy: ${restart}`);
    const interactive = bool(args, 'stdin');
    const tty = bool(args, 'tty');
    const attach = args.flags.has('attach') ? bool(args, 'attach') : interactive || tty;
    if (bool(args, 'rm') && !attach) return fail(ctx, `--rm should only be used for attached containers`);
    if (tty && !interactive) return fail(ctx, `-i/--stdin is required for containers with -t/--tty=true`);

    const argv = args.afterDash.length ? args.afterDash : args.positional.slice(1);
    const labels = parseLabels(str(args, 'labels')) ?? { run: name };
    const port = num(args, 'port');
    const container: Container = {
      name,
      image,
      ...(argv.length ? (bool(args, 'command') ? { command: argv } : { args: argv }) : {}),
      ...(interactive ? { stdin: true, stdinOnce: true } : {}),
      ...(tty ? { tty: true } : {}),
      ...(port !== undefined ? { ports: [{ containerPort: port }] } : {}),
      ...(strs(args, 'env').length ? { env: strs(args, 'env').map((e) => ({ name: e.split('=')[0]!, value: e.split('=').slice(1).join('=') })) } : {}),
      resources: {},
    };
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { ...meta, name, namespace: ctx.namespace, labels },
      spec: { containers: [container], restartPolicy: restart as 'Always' | 'OnFailure' | 'Never', dnsPolicy: 'ClusterFirst' },
      status: { phase: 'Pending' },
    };
    const dryRun = str(args, 'dry-run');
    if (dryRun && dryRun !== 'none') {
      const output = str(args, 'output');
      if (output) return printObjects(ctx, [pod], output);
      println(ctx, `pod/${name} created (${dryRun === 'server' ? 'server dry run' : 'dry run'})`);
      return 0;
    }
    let created: Pod;
    try {
      created = ctx.api.create(pod);
    } catch (e) {
      return printError(ctx, e);
    }
    if (!attach) {
      println(ctx, `pod/${name} created`);
      return 0;
    }
    return attachTo(ctx, created, { tty, rm: bool(args, 'rm'), quiet: bool(args, 'quiet'), argv, timeout: str(args, 'pod-running-timeout') ?? '1m' });
  },
};

function parseLabels(text: string | undefined): Record<string, string> | undefined {
  if (!text) return undefined;
  return Object.fromEntries(text.split(',').map((kv) => [kv.split('=')[0]!, kv.split('=').slice(1).join('=')]));
}

interface AttachOptions {
  tty: boolean;
  rm: boolean;
  quiet: boolean;
  argv: string[];
  timeout: string;
}

function attachTo(ctx: KubectlContext, created: Pod, options: AttachOptions): number {
  const { api, cluster } = ctx;
  const ns = created.metadata.namespace!;
  const name = created.metadata.name;
  const live = () => {
    const p = api.get<Pod>('Pod', ns, name);
    return p && p.metadata.uid === created.metadata.uid ? p : undefined;
  };
  const timeoutMs = parseDuration(options.timeout) ?? 60_000;
  const started = cluster.advanceUntil(() => ['Running', 'Succeeded', 'Failed'].includes(live()?.status.phase ?? ''), timeoutMs);
  if (!started) return fail(ctx, 'timed out waiting for the condition');
  const pod = live()!;
  const remove = (): string => {
    if (!options.rm || !live()) return '';
    api.delete('Pod', ns, name, { gracePeriodSeconds: 0 });
    return deletedMessage(pod, false) + '\n';
  };
  const container = pod.spec.containers[0]!;
  const shellSession = (options.argv.length === 0 && SHELL_IMAGES.test(container.image)) || (options.argv.length === 1 && SHELLS.has(options.argv[0]!));
  if (options.tty && shellSession && pod.status.phase === 'Running') {
    if (!options.quiet) ctx.io.stderr("If you don't see a command prompt, try pressing enter.\n");
    const shell = new PodShell(cluster.ctx, pod, container.name);
    ctx.terminal.startInteractive({
      prompt: () => shell.prompt,
      line: (input) => {
        const output = shell.line(input);
        return { output, exited: shell.exited };
      },
      close: () => {
        if (options.rm) return remove();
        return `Session ended, resume using 'kubectl attach ${name} -c ${container.name} -i -t' command when the pod is running\n`;
      },
    });
    return 0;
  }
  if (options.tty && !options.quiet) ctx.io.stderr("If you don't see a command prompt, try pressing enter.\n");
  // One-shot: the container's process runs the command; its output is what attach shows.
  let exitCode = 0;
  if (options.argv.length) {
    const session = new Session(cluster.ctx, pod, container, options.tty);
    const sink = (t: string) => ctx.io.stdout(t);
    exitCode = runCommand(session, options.argv, { stdin: '', out: sink, err: sink });
    exitCode = session.exitCode ?? exitCode;
  }
  ctx.io.stdout(remove());
  if (exitCode !== 0) {
    ctx.io.stderr(`pod ${ns}/${name} terminated (Error)\n`);
    return 1;
  }
  return 0;
}

export { runCommandDef as runCommand };
