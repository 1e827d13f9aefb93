/**
 * The headless transcript runner:
 *   npm run --silent transcript -- FILE [--seed N] [--scenario NAME]
 * FILE `-` reads standard input. Prints each command as `$ <command>` and then its output; exits 0 when
 * the file ran to the end.
 */
import { readFileSync } from 'node:fs';
import { SCENARIOS, startScenario } from '../sim/scenarios';
import { runTranscript } from '../sim/terminal/transcript';

const USAGE = 'usage: npm run --silent transcript -- FILE [--seed N] [--scenario NAME]';

interface Args {
  file: string;
  seed: number;
  scenario: string;
}

function parseArgs(argv: string[]): Args | string {
  let file: string | undefined;
  let seed = 1;
  let scenario = 'empty';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--seed' || a.startsWith('--seed=')) {
      const v = a.includes('=') ? a.split('=')[1] : argv[++i];
      if (!v || !/^-?\d+$/.test(v)) return `--seed needs an integer, got ${v ?? 'nothing'}`;
      seed = Number(v);
    } else if (a === '--scenario' || a.startsWith('--scenario=')) {
      const v = a.includes('=') ? a.split('=')[1] : argv[++i];
      if (!v) return '--scenario needs a name';
      scenario = v;
    } else if (a === '--help' || a === '-h') {
      return USAGE;
    } else if (file === undefined) {
      file = a;
    } else {
      return `unexpected argument: ${a}`;
    }
  }
  if (file === undefined) return 'missing FILE (use - for standard input)';
  return { file, seed, scenario };
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n${USAGE}\nscenarios: ${SCENARIOS.map((s) => s.name).join(', ')}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(args.file === '-' ? 0 : args.file, 'utf8');
  } catch (e) {
    process.stderr.write(`transcript: cannot read ${args.file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  let run;
  try {
    run = startScenario(args.scenario, args.seed);
  } catch (e) {
    process.stderr.write(`transcript: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const chunks: string[] = [];
  runTranscript(run.cluster, text.split('\n'), { write: (t) => chunks.push(t) });
  process.stdout.write(chunks.join(''));
  return 0;
}

process.exitCode = main();
