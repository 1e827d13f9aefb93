/**
 * Helpers the tools share: option parsing, busybox vs coreutils wording, lines of a text.
 */
import type { CommandCall } from './interpreter';

/** True in images whose tools are busybox applets (ash shells); false for coreutils (dash). */
export function isBusybox(call: CommandCall): boolean {
  return call.session.profile.flavour === 'ash';
}

/** `cat: can't open 'x': No such file or directory` (busybox) or `cat: x: No such file or directory`. */
export function missing(call: CommandCall, name: string, verb = "can't open"): void {
  call.err(
    isBusybox(call)
      ? `${call.name}: ${verb} '${name}': No such file or directory\n`
      : `${call.name}: ${name}: No such file or directory\n`,
  );
}

/** Splits `-abc` style options (letters) from operands; `--` ends options, `-5` is an operand. */
export function flags(args: string[]): { opts: Set<string>; rest: string[] } {
  const opts = new Set<string>();
  const rest: string[] = [];
  let done = false;
  for (const a of args) {
    if (!done && a === '--') done = true;
    else if (!done && a.startsWith('-') && a.length > 1 && !/^-\d+$/.test(a))
      for (const ch of a.slice(1)) opts.add(ch);
    else rest.push(a);
  }
  return { opts, rest };
}

/** Lines of a text without the empty string after a final newline. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
