/** The UI benchmark's report: Markdown tables of the figures beside their budgets. */
import type { LoadResult, WindowResult } from './measure';

/** The budgets of issue 4. */
export const BUDGETS = {
  initialKiB: 250,
  firstPodsMs: 1500,
  busyRatio: 1.5,
  fps: 55,
  longTaskMs: 200,
} as const;

export interface ReportInput {
  loads: LoadResult[];
  product: (WindowResult & { pods: number })[];
  bare: (WindowResult & { rate: number })[];
  context: {
    chromium: string;
    cpus: number;
    loadAverage: string;
    speed: number;
    windowMs: number;
    intervalMs: number;
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${Math.round(n)} ms`;
const verdict = (ok: boolean) => (ok ? 'within' : '**over**');

function chunkTable(load: LoadResult): string[] {
  const rows = [...load.chunks].sort((a, b) => a.kind.localeCompare(b.kind) || b.gzip - a.gzip);
  return [
    '| Chunk | Kind | Size | Gzipped |',
    '| --- | --- | ---: | ---: |',
    ...rows.map(
      (c) =>
        `| \`${c.file}\` | ${c.kind === 'worker' ? 'worker (off the main thread)' : c.kind} | ${kib(c.bytes)} | ${kib(c.gzip)} |`,
    ),
  ];
}

function windowRow(name: string, w: WindowResult, extra: string): string {
  return `| ${name} | ${(w.windowMs / 1000).toFixed(1)} s | ${ms(w.taskMs)} | ${ms(w.cpuMs)} | ${ms(w.scriptMs)} | ${ms(w.layoutMs + w.styleMs)} | ${w.fps.toFixed(1)} | ${w.longTasks} | ${ms(w.maxTaskMs)} | ${w.changesPerSecond.toFixed(0)} / ${w.commitsPerSecond.toFixed(1)} | ${extra} |`;
}

/** Renders the figures as Markdown (the body of the docs/performance.md section). */
export function renderReport({ loads, product, bare, context }: ReportInput): string {
  const first = loads[0]!;
  const initial = first.chunks.filter((c) => c.kind !== 'worker').reduce((s, c) => s + c.gzip, 0);
  const worker = first.chunks.filter((c) => c.kind === 'worker').reduce((s, c) => s + c.gzip, 0);
  const firstPods = loads.map((l) => l.firstPodsMs);
  const productTask = median(product.map((p) => p.taskMs));
  const bareTask = median(bare.map((b) => b.taskMs));
  const ratio = productTask / bareTask;
  const cpuRatio = median(product.map((p) => p.cpuMs)) / median(bare.map((b) => b.cpuMs));
  const fps = median(product.map((p) => p.fps));
  const worstTask = Math.max(...product.map((p) => p.maxTaskMs));
  const bareRates = bare.map((b) => b.rate.toFixed(1)).join(', ');

  return [
    `Measured with headless Chromium ${context.chromium} on ${context.cpus} CPU cores (load average ${context.loadAverage} at the start; the machine is shared, so figures vary from run to run), viewport 1440x900.`,
    '',
    '| Budget | Measured | Limit | |',
    '| --- | ---: | ---: | --- |',
    `| Initial JS + CSS, gzipped (main thread, before the first pod) | ${kib(initial)} | ${BUDGETS.initialKiB} KB | ${verdict(initial / 1024 <= BUDGETS.initialKiB)} |`,
    `| First pods drawn after navigation (median of ${loads.length} cold loads; slowest ${ms(Math.max(...firstPods))}) | ${ms(median(firstPods))} | ${ms(BUDGETS.firstPodsMs)} | ${verdict(median(firstPods) <= BUDGETS.firstPodsMs)} |`,
    `| Main-thread busy time, ${STRESS_PODS_TEXT} vs bare React Flow (median of ${product.length} windows each) | ${ratio.toFixed(2)}x | ${BUDGETS.busyRatio}x | ${verdict(ratio <= BUDGETS.busyRatio)} |`,
    `| (For comparison: main-thread CPU time, CDP ThreadTime, same windows) | ${cpuRatio.toFixed(2)}x | | |`,
    `| Frames a second during the window (median; lowest ${Math.min(...product.map((p) => p.fps)).toFixed(1)}) | ${fps.toFixed(1)} | ≥ ${BUDGETS.fps} | ${verdict(fps >= BUDGETS.fps)} |`,
    `| Longest task during any window | ${ms(worstTask)} | ${ms(BUDGETS.longTaskMs)} | ${verdict(worstTask <= BUDGETS.longTaskMs)} |`,
    '',
    `The worker script (${kib(worker)} gzipped) runs the simulation off the main thread and is listed apart. Chunks fetched before the first pod was drawn:`,
    '',
    ...chunkTable(first),
    '',
    `Windows of ${context.windowMs / 1000} s (longer when the page answers late; busy time is per second of the time measured). Product: \`?scenario=stress&speed=${context.speed}\` (${STRESS_PODS_TEXT}), after \`kubectl rollout restart statefulset/load\` and \`kubectl rollout restart deployment/load-deploy\`; the worker posts a snapshot every ${context.intervalMs} ms. Bare React Flow: the same number of default nodes, updated every ${context.intervalMs} ms, relabelling as many nodes a second as the product's canvas changed in the same round (${bareRates}). "Changes" counts canvas nodes whose content or class changed, once per frame, per second / frames per second with any such change.`,
    '',
    '| Window | Lasted | Busy (TaskDuration) per s | CPU (ThreadTime) per s | Script per s | Layout + style per s | Frames/s | Long tasks | Longest | Changes/s / changed frames/s | |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...product.flatMap((p, i) => [
      windowRow(`Product, round ${i + 1}`, p, `${p.pods} pods at the end`),
      windowRow(
        `Bare React Flow, round ${i + 1}`,
        bare[i]!,
        `ratio ${(p.taskMs / bare[i]!.taskMs).toFixed(2)}x`,
      ),
    ]),
  ].join('\n');
}

const STRESS_PODS_TEXT = '300 pods changing state';
