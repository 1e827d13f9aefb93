/**
 * The terminal a user types into (the console, a lesson, a transcript): a small POSIX-ish host shell that
 * runs `kubectl`, `sleep`, `echo`, `cat`, `for` loops, pipes and here-documents against one simulated
 * cluster, and hands lines to an interactive pod shell after `kubectl exec -it` / `kubectl run -it`.
 * Output goes to one sink, in order, including rows that `kubectl get -w` prints while time passes.
 */
import type { Cluster } from '../cluster';
import { runHostCommand } from './builtins';
import { ShellSyntaxError, expandWord, hasOpenQuote, hereDocsOf, tokenize } from './lexer';
import type { HereDoc } from './lexer';
import { parse } from './parser';
import type { Command, List, Pipeline } from './parser';

/** What a foreground interactive program (a pod shell) must offer the terminal. */
export interface InteractiveSession {
  prompt(): string;
  /** Runs one line; returns its output and whether the session ended. */
  line(input: string): { output: string; exited: boolean };
  /** Called once when the session ends (by `exit` or Ctrl+C), e.g. to delete a `--rm` pod. */
  close(): string;
}

/** Something running in the background of the terminal, such as `kubectl get -w`. */
export interface BackgroundJob {
  stop(): void;
}

export type OutputSink = (text: string) => void;

export interface TerminalOptions {
  namespace?: string;
}

/** The state of input: a complete command ran, or the terminal waits for more lines. */
export type FeedResult = 'ran' | 'continue';

export class Terminal {
  readonly vars: Record<string, string> = { HOME: '/root', USER: 'root', SHELL: '/bin/bash' };
  private pending: string[] = [];
  private interactive: InteractiveSession | undefined;
  private readonly jobs: BackgroundJob[] = [];
  private lastExit = 0;
  /** True while a command runs: background output waits until time moves or the command ends. */
  private running = false;
  private background = '';

  constructor(
    readonly cluster: Cluster,
    private readonly sink: OutputSink,
    readonly options: TerminalOptions = {},
  ) {
    cluster.onBeforeTimeMoves(() => this.flushBackground());
  }

  /** The prompt for the next line: `$ `, `> ` inside a multi-line command, or the pod shell's prompt. */
  prompt(): string {
    if (this.pending.length) return '> ';
    if (this.interactive) return this.interactive.prompt();
    return '$ ';
  }

  /** True while an interactive pod shell has the keyboard. */
  inPodShell(): boolean {
    return this.interactive !== undefined;
  }

  /** Writes a command's output. */
  write(text: string): void {
    if (text) this.sink(text);
  }

  /**
   * Writes output of a background job (a watch). While a command runs, it is held back until simulated
   * time moves or the command ends, so a command's own lines come before the changes it caused, as they
   * would read across two real terminals.
   */
  writeBackground(text: string): void {
    if (!this.running) this.write(text);
    else this.background += text;
  }

  private flushBackground(): void {
    const text = this.background;
    this.background = '';
    this.write(text);
  }

  /** Feeds one line of input. Returns 'continue' while a here-document or quote is still open. */
  feed(line: string): FeedResult {
    if (this.interactive && this.pending.length === 0) {
      if (line.trim() === '^C') {
        this.write(this.interactive.close());
        this.interactive = undefined;
        return 'ran';
      }
      const { output, exited } = this.interactive.line(line);
      this.write(output);
      if (exited) {
        const session = this.interactive;
        this.interactive = undefined;
        this.write(session.close());
      }
      return 'ran';
    }
    if (line.trim() === '^C' && this.pending.length === 0) {
      this.interrupt();
      return 'ran';
    }
    this.pending.push(line);
    const text = this.pending.join('\n');
    const needMore = this.needsMoreInput();
    if (needMore) return 'continue';
    this.pending = [];
    this.running = true;
    try {
      this.lastExit = this.runText(text);
      this.vars['?'] = String(this.lastExit);
      // Controllers react to what the command changed before the next prompt, as a real cluster does within
      // milliseconds.
      this.cluster.settle();
    } finally {
      this.running = false;
      this.flushBackground();
    }
    return 'ran';
  }

  /** Ctrl+C: stops every background watch. */
  interrupt(): void {
    for (const job of this.jobs.splice(0)) job.stop();
    this.pending = [];
  }

  /** Registers a background job (a watch) that Ctrl+C stops. */
  addJob(job: BackgroundJob): void {
    this.jobs.push(job);
  }

  /** Hands the keyboard to an interactive session until it exits. */
  startInteractive(session: InteractiveSession): void {
    this.interactive = session;
  }

  get exitCode(): number {
    return this.lastExit;
  }

  private needsMoreInput(): boolean {
    const first = this.pending[0]!;
    if (this.pending.length === 1 && (hasOpenQuote(first) || /(^|[^\\])\\$/.test(first))) return true;
    if (this.pending.length > 1 && hasOpenQuote(this.joinContinuations(this.pending))) return true;
    let docs: HereDoc[];
    try {
      docs = hereDocsOf(tokenize(this.joinContinuations(this.pending.slice(0, 1))));
    } catch {
      return false;
    }
    if (docs.length === 0) return false;
    const bodies = this.pending.slice(1);
    let d = 0;
    for (const raw of bodies) {
      const doc = docs[d];
      if (!doc) break;
      const lineText = doc.stripTabs ? raw.replace(/^\t+/, '') : raw;
      if (lineText === doc.delimiter) d++;
    }
    return d < docs.length;
  }

  private joinContinuations(lines: string[]): string {
    return lines.join('\n').replace(/\\\n/g, '');
  }

  /** Runs a complete command text (first line plus here-document bodies). */
  private runText(text: string): number {
    const lines = text.split('\n');
    let commandLine = lines.shift()!;
    // A quoted string may span lines (the newline is part of it); a trailing backslash joins lines.
    for (;;) {
      if (!lines.length || hereDocsOf(safeTokens(commandLine)).length) break;
      if (hasOpenQuote(commandLine)) commandLine = `${commandLine}\n${lines.shift()!}`;
      else if (/(^|[^\\])\\$/.test(commandLine)) commandLine = commandLine.slice(0, -1) + lines.shift()!;
      else break;
    }
    let list: List;
    let docs: HereDoc[];
    try {
      const tokens = tokenize(commandLine);
      docs = hereDocsOf(tokens);
      list = parse(tokens);
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        this.write(`bash: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
    const bodies = new Map<HereDoc, string>();
    for (const doc of docs) {
      const body: string[] = [];
      while (lines.length) {
        const raw = lines.shift()!;
        const lineText = doc.stripTabs ? raw.replace(/^\t+/, '') : raw;
        if (lineText === doc.delimiter) break;
        body.push(doc.quoted ? lineText : this.expandHereDocLine(lineText));
      }
      bodies.set(doc, body.length ? body.join('\n') + '\n' : '');
    }
    return this.runList(list, bodies);
  }

  private expandHereDocLine(line: string): string {
    return line.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, a: string, b: string) => this.vars[a ?? b] ?? '');
  }

  private runList(list: List, bodies: Map<HereDoc, string>): number {
    let status = 0;
    for (const item of list.items) {
      status = this.runPipeline(item.first, bodies);
      for (const { op, pipeline } of item.rest) {
        if ((op === '&&' && status === 0) || (op === '||' && status !== 0)) status = this.runPipeline(pipeline, bodies);
      }
      this.vars['?'] = String(status);
    }
    return status;
  }

  private runPipeline(pipeline: Pipeline, bodies: Map<HereDoc, string>): number {
    let stdin = '';
    let status = 0;
    pipeline.commands.forEach((command, index) => {
      const last = index === pipeline.commands.length - 1;
      let captured = '';
      const stdout = last ? (t: string) => this.write(t) : (t: string) => (captured += t);
      status = this.runCommand(command, stdin, stdout, bodies);
      stdin = captured;
    });
    return status;
  }

  private runCommand(command: Command, stdin: string, stdout: OutputSink, bodies: Map<HereDoc, string>): number {
    if (command.type === 'for') {
      let status = 0;
      for (const item of command.items) {
        for (const value of expandWord(item, this.vars).split(/\s+/).filter((v) => v !== '' || item.quoted)) {
          this.vars[command.variable] = value;
          status = this.runList(command.body, bodies);
        }
      }
      return status;
    }
    const argv = command.words.map((w) => expandWord(w, this.vars));
    const doc = command.hereDocs[command.hereDocs.length - 1];
    const input = doc ? (bodies.get(doc) ?? '') : stdin;
    const redirected = command.redirects.length > 0;
    const out: OutputSink = redirected ? () => undefined : stdout;
    // Assignments: NAME=value with no command.
    if (argv.length === 1 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[0]!)) {
      const [name, ...value] = argv[0]!.split('=');
      this.vars[name!] = value.join('=');
      return 0;
    }
    return runHostCommand(this, argv, { stdin: input, stdout: out, stderr: (t) => this.write(t) });
  }
}

function safeTokens(line: string) {
  try {
    return tokenize(line);
  } catch {
    return [];
  }
}
