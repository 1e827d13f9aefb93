// What the process in a container does once started: the simulator's stand-in for the image's entrypoint.
// Not an upstream file; it plays the part of the container runtime's process (kwok's "stages" for containers).
// Simplified: shell scripts are recognised by a few patterns (`exit N`, `sleep N`, loops), not interpreted.

import type { Container } from '../api/core';
import { parseImageReference } from './images';

/** How a container's main process behaves. */
export interface ContainerProgram {
  /** Milliseconds after start at which the process exits by itself; undefined: it runs until stopped. */
  exitsAfterMs: number | undefined;
  /** Exit code when it exits by itself. */
  exitCode: number;
  /** False for a shell as PID 1 (it ignores SIGTERM, so stopping waits for the grace period and SIGKILL). */
  handlesSigterm: boolean;
}

const SHELL_IMAGES = new Set(['busybox', 'alpine', 'ubuntu', 'debian', 'centos', 'fedora', 'bash']);

function isShellImage(image: string): boolean {
  const last = parseImageReference(image).path.split('/').pop() ?? '';
  return SHELL_IMAGES.has(last);
}

/** Seconds in a `sleep` argument such as `3600`, `30s`, `5m`; Infinity for `infinity`. */
function sleepSeconds(arg: string): number | undefined {
  if (arg === 'infinity') return Infinity;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}

/** Reads a container's command and args as the process it starts. */
export function containerProgram(container: Container): ContainerProgram {
  const argv = [...(container.command ?? []), ...(container.args ?? [])];
  const shell = isShellImage(container.image);
  if (argv.length === 0) {
    // A shell image's default command is `sh` with no terminal: it exits 0 at once. Servers run until stopped.
    if (shell && !container.stdin && !container.tty) return { exitsAfterMs: 0, exitCode: 0, handlesSigterm: false };
    return { exitsAfterMs: undefined, exitCode: 0, handlesSigterm: !shell };
  }
  const script = argv.join(' ');
  const runsForever = /while\s+(true|:)|tail\s+-f|sleep\s+infinity/.test(script);
  let totalSleep = 0;
  for (const m of script.matchAll(/sleep\s+(\S+)/g)) {
    const s = sleepSeconds(m[1]!.replace(/[;&|]+$/, ''));
    if (s !== undefined) totalSleep += s;
  }
  if (runsForever || totalSleep === Infinity) return { exitsAfterMs: undefined, exitCode: 0, handlesSigterm: !shell };
  const exit = /(?:^|[\s;&|(])exit\s+(\d+)/.exec(script);
  const fails = /(?:^|[\s;&|])false(?:$|[\s;&|)])/.test(script);
  const exitCode = exit ? Number(exit[1]) : fails ? 1 : 0;
  return { exitsAfterMs: Math.round(totalSleep * 1000), exitCode, handlesSigterm: !shell };
}
