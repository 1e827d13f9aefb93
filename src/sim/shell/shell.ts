/**
 * `kubectl exec` into a container: the exec endpoint's checks (pkg/kubelet/server, the CRI exec of
 * containerd), a one-shot command (`execInPod`) and an interactive session (`PodShell`).
 *
 * Simplified: the container's own shell runs the commands (see interpreter.ts); an exec that cannot start
 * returns the error kubectl prints instead of streaming.
 */
import type { Container, Pod } from '../api/core';
import type { ClusterContext } from '../runtime/controller';
import { isExecutable, runCommand, runScript } from './interpreter';
import { Session } from './session';

/** What a finished exec returns. `error` is set when the exec never started (kubectl prints `error: <error>`). */
export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  error?: string;
}

const SHELLS = new Set(['sh', '/bin/sh', 'ash', '/bin/ash', 'bash', '/bin/bash', 'dash', '/bin/dash']);

/** The container an exec targets: the named one, the `kubectl.kubernetes.io/default-container`, or the first. */
export function execContainer(pod: Pod, containerName: string | undefined): Container | undefined {
  const name = containerName ?? pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  return name ? pod.spec.containers.find((c) => c.name === name) : pod.spec.containers[0];
}

/** Why the exec cannot start, in the API server's or kubectl's words; undefined when it can. */
export function execProblem(pod: Pod, containerName: string | undefined): string | undefined {
  const container = execContainer(pod, containerName);
  if (!container) return `container ${containerName} not found in pod ${pod.metadata.name}`;
  if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') {
    return `cannot exec into a container in a completed pod; current phase is ${pod.status.phase}`;
  }
  const status = pod.status.containerStatuses?.find((s) => s.name === container.name);
  if (pod.status.phase !== 'Running' || (status && !status.state.running)) {
    return `unable to upgrade connection: container not found ("${container.name}")`;
  }
  return undefined;
}

/**
 * Runs `argv` in the container, as `kubectl exec pod -c container -- argv...` does, and returns its output
 * and exit code. A shell (`sh -c '...'`) interprets its script; any other program runs directly, and one the
 * image does not have fails to start with the runtime's error.
 */
export function execInPod(
  ctx: ClusterContext,
  pod: Pod,
  containerName: string | undefined,
  argv: string[],
  stdin = '',
): ExecResult {
  const problem = execProblem(pod, containerName);
  if (problem) return { stdout: '', stderr: '', exitCode: 1, error: problem };
  const container = execContainer(pod, containerName)!;
  const session = new Session(ctx, pod, container);
  let stdout = '';
  let stderr = '';
  const io = { stdin, out: (t: string) => (stdout += t), err: (t: string) => (stderr += t) };
  const [program] = argv;
  if (!program)
    return {
      stdout: '',
      stderr: '',
      exitCode: 1,
      error: 'you must specify at least one command for the container',
    };
  const base = program.replace(/^\/bin\//, '');
  const isShell =
    SHELLS.has(program) &&
    (base === 'sh' || base === session.profile.flavour || session.profile.tools.has(base));
  if (!isShell && !isExecutable(session, program)) {
    const execId = ctx.random.string('0123456789abcdef', 64);
    return {
      stdout: '',
      stderr: '',
      exitCode: 1,
      error: `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${execId}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown`,
    };
  }
  const status = runCommand(session, [isShell ? 'sh' : program, ...argv.slice(1)], io);
  return { stdout, stderr, exitCode: session.exitCode ?? status };
}

/**
 * An interactive shell in a container (`kubectl exec -it pod -- sh`, `kubectl run -it --image busybox -- sh`):
 * feed it one line at a time; it returns what the terminal shows (stdout and stderr interleaved).
 */
export class PodShell {
  private readonly session: Session;
  /** True once the shell has ended (`exit`, or the pod went away). */
  exited = false;
  /** The shell's exit status once it has ended. */
  exitCode = 0;

  constructor(
    private readonly ctx: ClusterContext,
    pod: Pod,
    containerName?: string,
  ) {
    const problem = execProblem(pod, containerName);
    if (problem) throw new Error(problem);
    this.session = new Session(ctx, pod, execContainer(pod, containerName)!, true);
  }

  /** The prompt to show before the next line: `/ # ` (busybox), `# ` (Debian's dash). */
  get prompt(): string {
    return this.session.prompt();
  }

  /** Runs one input line and returns the terminal output it produced. */
  line(input: string): string {
    if (this.exited) return '';
    const pod = this.ctx.api.get<Pod>(
      'Pod',
      this.session.pod.metadata.namespace,
      this.session.pod.metadata.name,
    );
    if (
      !pod ||
      pod.metadata.uid !== this.session.pod.metadata.uid ||
      execProblem(pod, this.session.container.name)
    ) {
      // The container was killed under the session: the stream ends with SIGKILL's status.
      this.exited = true;
      this.exitCode = 137;
      return '';
    }
    let shown = '';
    const sink = (t: string) => (shown += t);
    const status = runScript(this.session, input, { stdin: '', out: sink, err: sink });
    this.session.lineNo++;
    if (this.session.exitCode !== undefined) {
      this.exited = true;
      this.exitCode = this.session.exitCode;
    } else this.session.status = status;
    return shown;
  }

  /** Ends the session as `exit` does. */
  exit(code = 0): void {
    this.exited = true;
    this.exitCode = code;
  }
}
