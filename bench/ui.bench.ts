/**
 * UI benchmark: prints figures, asserts nothing. Run with `npm run bench:ui` (`-- --help` for options).
 *
 * Builds the site and a bare React Flow baseline page into a temporary folder, serves them with
 * `vite preview` on a free port, and drives headless Chromium (playwright-core) to measure the budgets of
 * issue 4:
 *   (a) initial JS + CSS, gzipped, fetched before the first pod is drawn (each chunk listed): <= 250 KB;
 *   (b) navigation to the first frame showing a "Pod ..." element (default scenario): <= 1.5 s;
 *   (c) the stress scenario's 300 pods changing state (rolling restarts of its StatefulSet and
 *       Deployment) against the bare page's 300 nodes relabelled at the rate the product's canvas
 *       changed, in the same run: main-thread busy time (CDP TaskDuration) <= 1.5x the bare page's,
 *       >= 55 frames a second, no long task over 200 ms.
 * With `--write`, replaces the "## UI (npm run bench:ui)" section of docs/performance.md.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { STRESS_PODS, measureBare, measureLoad, measureProduct, openBare, openStress } from './ui/measure';
import type { LoadResult, WindowResult } from './ui/measure';
import { buildSite, startPreview } from './ui/server';
import { profileWindow } from './ui/profile';
import { renderReport } from './ui/report';
import { traceWindow } from './ui/trace';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The play loop's period (src/worker/session.ts PLAY_INTERVAL_MS): how often the product redraws. */
const SNAPSHOT_INTERVAL_MS = 100;

interface Options {
  rounds: number;
  loads: number;
  windowMs: number;
  warmUpMs: number;
  speed: number;
  dist: string | null;
  write: boolean;
  profile: string | null;
  trace: string | null;
  bare: number | null;
}

const HELP = `npm run bench:ui -- [--rounds N] [--loads N] [--window MS] [--warm-up MS] [--speed X] [--dist DIR] [--write]
  --rounds   product/baseline window pairs (default 5)
  --loads    cold loads for the first-pods time (default 3)
  --window   measuring window in ms (default 5000)
  --warm-up  ms between starting the rolling restarts and the window (default 1500)
  --speed    simulation speed for the stress window (default 4)
  --dist     serve an existing build instead of building (the baseline must be in DIR/bench-bare)
  --write    record the figures in docs/performance.md
  --profile  instead of measuring, save a CPU profile of one product window to FILE (.cpuprofile)
  --trace    instead of measuring, save a Chrome trace of one product window to FILE (.json)
  --bare N   with --profile or --trace, record the bare React Flow page relabelling N nodes a second`;

function parseOptions(argv: string[]): Options {
  const options: Options = {
    rounds: 5,
    loads: 3,
    windowMs: 5000,
    warmUpMs: 1500,
    speed: 4,
    dist: null,
    write: false,
    profile: null,
    trace: null,
    bare: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--rounds') options.rounds = Number(value());
    else if (flag === '--loads') options.loads = Number(value());
    else if (flag === '--window') options.windowMs = Number(value());
    else if (flag === '--warm-up') options.warmUpMs = Number(value());
    else if (flag === '--speed') options.speed = Number(value());
    else if (flag === '--dist') options.dist = value();
    else if (flag === '--write') options.write = true;
    else if (flag === '--profile') options.profile = value();
    else if (flag === '--trace') options.trace = value();
    else if (flag === '--bare') options.bare = Number(value());
    else if (flag === '--help') {
      console.log(HELP);
      process.exit(0);
    } else throw new Error(`unknown option ${flag}\n${HELP}`);
  }
  return options;
}

function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`no Chromium at ${path}; set CHROMIUM_PATH`);
  return path;
}

/** Replaces (or appends) the section starting at `heading` up to the next `## ` heading. */
function writeSection(file: string, heading: string, body: string): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Performance\n';
  const start = text.indexOf(heading);
  const section = `${heading}\n\n${body.trim()}\n`;
  if (start < 0) {
    writeFileSync(file, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  const next = text.indexOf('\n## ', start + heading.length);
  const rest = next < 0 ? '' : `\n${text.slice(next + 1)}`;
  writeFileSync(file, `${text.slice(0, start)}${section}${rest}`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const load = loadavg()[0]!.toFixed(2);
  console.error(options.dist ? `serving ${options.dist}` : 'building the site and the baseline…');
  const outDir = options.dist ?? buildSite();
  const preview = await startPreview(outDir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: FLAGS });
  try {
    const open = () =>
      options.bare === null
        ? openStress(browser, preview.url, options)
        : openBare(browser, preview.url, {
            nodes: STRESS_PODS,
            rate: options.bare,
            intervalMs: SNAPSHOT_INTERVAL_MS,
            warmUpMs: options.warmUpMs,
          });
    if (options.profile) {
      console.log((await profileWindow(open, options, options.profile)).join('\n'));
      return;
    }
    if (options.trace) {
      console.log((await traceWindow(open, options, options.trace)).join('\n'));
      return;
    }
    const loads: LoadResult[] = [];
    for (let i = 0; i < options.loads; i++) {
      console.error(`cold load ${i + 1}/${options.loads}…`);
      loads.push(await measureLoad(browser, preview.url, outDir));
    }
    const product: (WindowResult & { pods: number })[] = [];
    const bare: (WindowResult & { rate: number })[] = [];
    for (let r = 0; r < options.rounds; r++) {
      console.error(`round ${r + 1}/${options.rounds}: product…`);
      const p = await measureProduct(browser, preview.url, options);
      product.push(p);
      const rate = Math.max(1, p.changesPerSecond);
      console.error(`round ${r + 1}/${options.rounds}: bare React Flow (${rate.toFixed(1)} nodes a second)…`);
      bare.push({
        ...(await measureBare(browser, preview.url, {
          nodes: STRESS_PODS,
          rate,
          intervalMs: SNAPSHOT_INTERVAL_MS,
          windowMs: options.windowMs,
          warmUpMs: options.warmUpMs,
        })),
        rate,
      });
    }
    const report = renderReport({
      loads,
      product,
      bare,
      context: {
        chromium: browser.version(),
        cpus: cpus().length,
        loadAverage: load,
        speed: options.speed,
        windowMs: options.windowMs,
        intervalMs: SNAPSHOT_INTERVAL_MS,
      },
    });
    console.log(report);
    if (options.write) {
      writeSection('docs/performance.md', '## UI (npm run bench:ui)', report);
      console.error('recorded in docs/performance.md');
    }
  } finally {
    await browser.close();
    preview.stop();
    if (!options.dist) rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
