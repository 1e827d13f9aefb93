/**
 * Transcript tests: a file holds the commands (`$ ...`, with `> ` continuation lines and pod-shell
 * prompts such as `/ # `) and the output real Kubernetes shows. The runner feeds the commands to a fresh
 * scenario and compares what comes out, line by line.
 *
 * Matching: runs of spaces compare equal to one space (column widths are tested by the printer tests);
 * placeholders stand for what legitimately varies: `<age>` a kubectl age, `<ip>` an IPv4 address,
 * `<pv>` a `pvc-<uid>` volume name, `<uid>` a uid, `<hash>` a name suffix, `<n>` a number, `<*>` anything.
 * A line ending in ` {+}` matches one or more consecutive output lines, ` {*}` zero or more (for a
 * message whose appearance depends on how two independent processes interleave, as it does in a real
 * cluster). A line `{...}` skips any lines up to the next expected line.
 */
import { readFileSync } from 'node:fs';
import { startScenario } from '../../src/sim/scenarios';
import { runTranscript } from '../../src/sim/terminal/transcript';

const PLACEHOLDERS: Record<string, string> = {
  '<age>': '(?:\\d+(?:y|d|h|m|s))+|<unknown>',
  '<ip>': '\\d+\\.\\d+\\.\\d+\\.\\d+',
  '<pv>': 'pvc-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
  '<uid>': '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
  '<hash>': '[bcdfghjklmnpqrstvwxz2456789]+',
  '<n>': '\\d+',
  '<*>': '.*',
};

function normalise(line: string): string {
  return line.replace(/\s+/g, ' ').trim();
}

function toRegExp(expected: string): RegExp {
  const parts = normalise(expected).split(/(<age>|<ip>|<pv>|<uid>|<hash>|<n>|<\*>)/);
  const source = parts.map((p) => PLACEHOLDERS[p] ?? p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('');
  return new RegExp(`^${source}$`);
}

export interface TranscriptResult {
  actual: string;
  /** Empty when everything matched; otherwise a readable report. */
  mismatch: string;
}

/** Extracts the input lines (commands and what was typed at prompts) from an expected transcript. */
export function commandsOf(expected: string): string[] {
  const lines: string[] = [];
  for (const line of withoutHeader(expected).split('\n')) {
    const m = line.match(/^(\$ |> |\/ # |# )(.*)$/);
    if (m) lines.push(m[2]!);
  }
  return lines;
}

/** The transcript without its `# scenario: NAME seed: N` header line (which is not a pod-shell `# ` command). */
function withoutHeader(expected: string): string {
  return /^# scenario: /.test(expected) ? expected.slice(expected.indexOf('\n') + 1) : expected;
}

/** Compares actual output to the expected transcript (see the module comment for the rules). */
export function compareTranscript(expected: string, actual: string): string {
  const exp = withoutHeader(expected).split('\n').filter((l, i, all) => !(i === all.length - 1 && l === ''));
  const act = actual.split('\n').filter((l, i, all) => !(i === all.length - 1 && l === ''));
  let a = 0;
  for (let e = 0; e < exp.length; e++) {
    const line = exp[e]!;
    if (line.trim() === '{...}') {
      const next = exp[e + 1];
      if (next === undefined) return '';
      const re = toRegExp(next.replace(/ \{\+\}$/, ''));
      while (a < act.length && !re.test(normalise(act[a]!))) a++;
      continue;
    }
    const optional = line.endsWith(' {*}');
    const repeat = line.endsWith(' {+}') || optional;
    const re = toRegExp(repeat ? line.slice(0, -4) : line);
    if (optional) {
      while (a < act.length && re.test(normalise(act[a]!))) a++;
      continue;
    }
    if (a >= act.length || !re.test(normalise(act[a]!))) {
      const context = act.slice(Math.max(0, a - 3), a + 4).map((l, i) => `${Math.max(0, a - 3) + i === a ? '>>' : '  '} ${l}`);
      return `line ${e + 1} of the expected transcript:\n  expected: ${line}\n  actual:   ${act[a] ?? '<end of output>'}\nactual output around it:\n${context.join('\n')}`;
    }
    a++;
    if (repeat) while (a < act.length && re.test(normalise(act[a]!))) a++;
  }
  if (a < act.length) return `unexpected extra output from line ${a + 1}:\n${act.slice(a, a + 5).join('\n')}`;
  return '';
}

/** Runs an expected-transcript file against a fresh scenario and compares. */
export function runTranscriptFile(path: string, scenario = 'empty', seed = 1): TranscriptResult {
  const expected = readFileSync(path, 'utf8');
  const { cluster } = startScenario(scenario, seed);
  let actual = '';
  runTranscript(cluster, commandsOf(expected), { write: (t) => (actual += t) });
  return { actual, mismatch: compareTranscript(expected, actual) };
}
