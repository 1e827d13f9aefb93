/**
 * The UI benchmark's site: builds the product (vite.config.ts) and the bare React Flow baseline
 * (bench/vite.bare.config.ts) into a temporary folder, and serves it with `vite preview` on a free port.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const VITE = join(process.cwd(), 'node_modules', '.bin', 'vite');

/** The folder under the served root that holds the baseline page. */
export const BARE_DIR = 'bench-bare';

function run(args: string[]): void {
  const result = spawnSync(VITE, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`vite ${args.join(' ')} failed with status ${result.status}`);
}

/** Builds the product into a new temporary folder, the baseline into its `bench-bare/`; returns the folder. */
export function buildSite(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'ui-bench-'));
  run(['build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir']);
  run([
    'build',
    '--logLevel',
    'error',
    '--config',
    'bench/vite.bare.config.ts',
    '--outDir',
    join(outDir, BARE_DIR),
  ]);
  return outDir;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

export interface Preview {
  url: string;
  stop(): void;
}

/** Serves `outDir` with `vite preview` and resolves once it answers. */
export async function startPreview(outDir: string): Promise<Preview> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    VITE,
    ['preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with status ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`vite preview did not answer on ${url} within 30 s`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { url, stop: () => void child.kill() };
}
