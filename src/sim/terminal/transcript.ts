/**
 * Runs a transcript: one command per line against a terminal, echoing each as `$ <command>` (or the pod
 * shell's prompt) followed by its output. Blank lines and `#` comments are skipped outside multi-line input.
 * Shared by the command-line runner, tests and lessons.
 */
import type { Cluster } from '../cluster';
import { Terminal } from './terminal';

export interface TranscriptOptions {
  /** Called with each piece of output, in order. */
  write: (text: string) => void;
}

/** Feeds `lines` to a new terminal on `cluster`; returns the terminal (for inspection). */
export function runTranscript(cluster: Cluster, lines: string[], options: TranscriptOptions): Terminal {
  const terminal = new Terminal(cluster, options.write);
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    const continuing = terminal.prompt() === '> ';
    if (!continuing && (line.trim() === '' || line.trimStart().startsWith('#'))) continue;
    options.write(`${terminal.prompt()}${line}\n`);
    terminal.feed(line);
  }
  return terminal;
}
