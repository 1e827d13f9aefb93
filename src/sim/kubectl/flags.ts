/**
 * Command-line flags the way kubectl (cobra + pflag) parses them: `--name=value`, `--name value`,
 * `-n value`, `-nvalue`, combined boolean shorthands, `--` ending flags, and pflag's error messages.
 */

export type FlagType = 'bool' | 'string' | 'int' | 'strings';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  /** For bool flags given as `--flag=false`. */
  default?: string | number | boolean | string[];
}

export type FlagValue = string | number | boolean | string[];

export interface ParsedArgs {
  flags: Map<string, FlagValue>;
  positional: string[];
  /** Words after `--` (the command of `exec` and `run`). */
  afterDash: string[];
  /** True when `--` appeared. */
  sawDash: boolean;
}

export class FlagError extends Error {}

/** Flags every kubectl command accepts. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'v', short: 'v', type: 'int' },
  { name: 'request-timeout', type: 'string' },
  { name: 'help', short: 'h', type: 'bool' },
];

/** Parses `args` against `specs` (plus the global flags). Throws FlagError with pflag's message. */
export function parseFlags(args: string[], specs: FlagSpec[]): ParsedArgs {
  const all = [...specs, ...GLOBAL_FLAGS];
  const byName = new Map(all.map((s) => [s.name, s]));
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short!, s]));
  const flags = new Map<string, FlagValue>();
  const positional: string[] = [];
  let afterDash: string[] = [];
  let sawDash = false;

  const set = (spec: FlagSpec, raw: string, shown: string) => {
    if (spec.type === 'int') {
      if (!/^-?\d+$/.test(raw)) {
        throw new FlagError(`invalid argument "${raw}" for "${shown}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
      }
      flags.set(spec.name, Number(raw));
    } else if (spec.type === 'bool') {
      if (!['true', 'false', '1', '0', 't', 'f', 'TRUE', 'FALSE', 'True', 'False'].includes(raw)) {
        throw new FlagError(`invalid argument "${raw}" for "${shown}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
      }
      flags.set(spec.name, ['true', '1', 't', 'TRUE', 'True'].includes(raw));
    } else if (spec.type === 'strings') {
      const prev = (flags.get(spec.name) as string[] | undefined) ?? [];
      flags.set(spec.name, [...prev, ...raw.split(',').filter((s) => s !== '')]);
    } else {
      flags.set(spec.name, raw);
    }
  };

  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      sawDash = true;
      afterDash = args.slice(i + 1);
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) set(spec, arg.slice(eq + 1), `--${name}`);
      else if (spec.type === 'bool') flags.set(spec.name, true);
      else {
        if (i + 1 >= args.length) throw new FlagError(`flag needs an argument: --${name}`);
        set(spec, args[++i]!, `--${name}`);
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg)) {
      // Shorthand cluster: -it, -n default, -ndefault, -f=file
      let j = 1;
      while (j < arg.length) {
        const c = arg[j]!;
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${arg}`);
        if (spec.type === 'bool') {
          if (arg[j + 1] === '=') {
            set(spec, arg.slice(j + 2), `-${c}, --${spec.name}`);
            break;
          }
          flags.set(spec.name, true);
          j++;
          continue;
        }
        let rest = arg.slice(j + 1);
        if (rest.startsWith('=')) rest = rest.slice(1);
        if (rest) set(spec, rest, `-${c}, --${spec.name}`);
        else {
          if (i + 1 >= args.length) throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
          set(spec, args[++i]!, `-${c}, --${spec.name}`);
        }
        break;
      }
      continue;
    }
    positional.push(arg);
  }
  return { flags, positional, afterDash, sawDash };
}

/** Typed accessors over parsed flags. */
export function str(p: ParsedArgs, name: string): string | undefined {
  const v = p.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function num(p: ParsedArgs, name: string): number | undefined {
  const v = p.flags.get(name);
  return typeof v === 'number' ? v : undefined;
}

export function bool(p: ParsedArgs, name: string): boolean {
  return p.flags.get(name) === true;
}

export function strs(p: ParsedArgs, name: string): string[] {
  const v = p.flags.get(name);
  return Array.isArray(v) ? v : [];
}

export function has(p: ParsedArgs, name: string): boolean {
  return p.flags.has(name);
}
