/**
 * "Export session": the playground's run as a bash script for a real cluster (kind, see
 * docs/real-cluster.md). The scenario's setup and every line typed are kept in order; here-documents pass
 * through untouched; what a real cluster has no equivalent for becomes a comment that says what to do instead:
 * `sim node stop` (power off a kind node container), watches and Ctrl+C, pod shells (run as a here-document).
 * Time the playground let pass (play, step, the scenario's warm-up) becomes `sleep`, rounded up to seconds.
 */
import type { SessionLogEvent } from '../../protocol';

/** The kind node that stands in for a playground node: node-1 -> kind-worker, node-2 -> kind-worker2, ... */
export function kindNodeName(node: string): string {
  const n = /^node-(\d+)$/.exec(node);
  if (!n) return node;
  return n[1] === '1' ? 'kind-worker' : `kind-worker${n[1]}`;
}

/** The playground's zones on the kind cluster of docs/real-cluster.md (two workers per zone). */
const KIND_ZONES: Record<string, string[]> = {
  'zone-a': ['kind-worker', 'kind-worker2'],
  'zone-b': ['kind-worker3', 'kind-worker4'],
};

function seconds(ms: number): number {
  return Math.ceil(ms / 1000);
}

/** The comment lines for one `sim` command: what it did, and how to do the same to a kind cluster. */
export function simComment(line: string): string[] {
  const words = line.trim().split(/\s+/);
  const [, noun, verb, target] = words;
  const head = `# ${line.trim()}`;
  if (noun === 'node' && (verb === 'stop' || verb === 'start') && target) {
    const what = verb === 'stop' ? 'powered off' : 'powered on';
    return [head, `#   The playground ${what} ${target}. On kind, ${verb} its node container:`, `#   docker ${verb} ${kindNodeName(target)}`];
  }
  if (noun === 'zone' && (verb === 'down' || verb === 'up') && target) {
    const nodes = KIND_ZONES[target] ?? ['<the nodes labelled topology.kubernetes.io/zone=' + target + '>'];
    const docker = verb === 'down' ? 'stop' : 'start';
    return [head, `#   The playground took zone ${target} ${verb}. On kind, ${docker} every node container of the zone:`, `#   docker ${docker} ${nodes.join(' ')}`];
  }
  return [head, '#   A playground command with no equivalent on a real cluster.'];
}

/** True for a command that opens an interactive shell in a pod (`kubectl exec -it ... -- sh`, `kubectl run -it`). */
function opensPodShell(line: string): boolean {
  return /^\s*(kubectl|k)\s+(exec|run)\b/.test(line) && /\s-(it|ti)\b|\s-i\s+-t\b|\s-t\s+-i\b|--stdin\b.*--tty\b/.test(line);
}

/** True for a watch (`-w`, `--watch`): it runs until Ctrl+C, which a script cannot press. */
function isWatch(line: string): boolean {
  return /^\s*(kubectl|k)\s/.test(line) && /\s(-w|--watch|--watch-only)(\s|=|$)/.test(line);
}

/** Replaces playground node names by their kind counterparts in a kubectl line (`kubectl drain node-1`). */
function onKind(line: string): string {
  return line.replace(/(^|[\s/=])(node-\d+)(?=$|\s)/g, (_m, pre: string, node: string) => pre + kindNodeName(node));
}

class ScriptWriter {
  readonly out: string[] = [];
  /** The delimiter of an open here-document, whose body lines pass through untouched. */
  private heredoc: string | null = null;
  /** An open pod shell: its lines go into a here-document fed to `kubectl exec -i`. */
  private podShell = false;
  private pendingMs = 0;

  wait(ms: number, why: string): void {
    this.pendingMs += ms;
    if (!this.heredoc && !this.podShell) this.flushWait(why);
  }

  private flushWait(why: string): void {
    const s = seconds(this.pendingMs);
    this.pendingMs = 0;
    if (s > 0) this.out.push(`sleep ${s}  # ${why}`);
  }

  line(text: string): void {
    if (this.heredoc !== null) {
      this.out.push(text);
      if (text.trim() === this.heredoc) this.heredoc = null;
      return;
    }
    if (this.podShell) {
      if (/^\s*(exit|logout)\s*$/.test(text) || text.trim() === '^C') {
        this.out.push('EOF_POD_SHELL');
        this.podShell = false;
      } else this.out.push(text);
      return;
    }
    if (this.pendingMs) this.flushWait('the playground let this much simulated time pass here (play / step)');
    const trimmed = text.trim();
    if (trimmed === '' || trimmed === '^C') return;
    if (/^sim(\s|$)/.test(trimmed)) {
      this.out.push(...simComment(trimmed));
      return;
    }
    if (/^sleep\s/.test(trimmed)) {
      this.out.push(`${trimmed}  # in the playground this moved simulated time; here it waits for real`);
      return;
    }
    if (isWatch(trimmed)) {
      this.out.push(`# ${trimmed}`, '#   A watch runs until Ctrl+C; run it in another terminal.');
      return;
    }
    let command = onKind(text);
    if (opensPodShell(trimmed)) {
      command = command.replace(/\s-(it|ti)\b/, ' -i').replace(/\s--tty\b/, '');
      this.out.push(`${command} <<'EOF_POD_SHELL'`);
      this.podShell = true;
      return;
    }
    // `kubectl diff` exits 1 when it finds differences: that must not end a `set -e` script.
    if (/^\s*(kubectl|k)\s+diff\b/.test(command)) command = command.replace(/(<<-?\s*['"]?\w+['"]?)?\s*$/, (m) => `${m} || true`);
    const open = /<<-?\s*['"]?(\w+)['"]?/.exec(command);
    if (open) this.heredoc = open[1]!;
    this.out.push(command);
  }

  finish(): void {
    if (this.podShell) this.out.push('EOF_POD_SHELL');
    if (this.heredoc) this.out.push(this.heredoc);
  }
}

/** The session as a bash script (see the module comment). */
export function sessionScript(log: Pick<SessionLogEvent, 'scenario' | 'seed' | 'setup' | 'warmUpMs' | 'entries'>): string {
  const w = new ScriptWriter();
  w.out.push(
    '#!/usr/bin/env bash',
    `# StatefulSet Playground session: scenario "${log.scenario}", seed ${log.seed}.`,
    '# Runs the same commands against the cluster kubectl points at (see docs/real-cluster.md for kind).',
    '# Playground nodes node-1..node-4 are kind-worker..kind-worker4 there; `sim` lines are comments.',
    '# Real clusters take their own time: a sleep may need to be longer, or a `kubectl wait`.',
    'set -euo pipefail',
    '',
  );
  if (log.setup.length) {
    w.out.push(`# The scenario's starting objects.`);
    for (const line of log.setup) w.line(line);
    w.finish();
    if (log.warmUpMs) w.wait(log.warmUpMs, "the scenario's warm-up");
    w.out.push('');
    w.out.push('# What was done in the playground.');
  }
  for (const entry of log.entries) {
    if (entry.line === null) w.wait(entry.end - entry.at, 'the playground let this much simulated time pass here (play / step)');
    else for (const text of entry.line.split('\n')) w.line(text);
  }
  w.finish();
  return w.out.join('\n') + '\n';
}
