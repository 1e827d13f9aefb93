/**
 * The UI benchmark's measurements, each in a fresh browser context: what the first load fetches and when
 * the first pod is drawn; and the main thread's busy time, frame rate and long tasks over a fixed window
 * while pods change, for the product and for the bare React Flow baseline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { FIRST_POD_AT, INIT_SCRIPT, LONG_TASKS, STOP_WINDOW, startWindowScript } from './probe';
import type { WindowCounts } from './probe';
import { BARE_DIR } from './server';

/** The window size every measurement uses: a laptop screen. */
const VIEWPORT = { width: 1440, height: 900 };

/** How many pods the stress scenario draws. */
export const STRESS_PODS = 300;

export interface Chunk {
  file: string;
  kind: 'script' | 'stylesheet' | 'worker';
  bytes: number;
  gzip: number;
}

export interface LoadResult {
  /** Scripts and style sheets fetched before the first pod was drawn (worker scripts listed apart). */
  chunks: Chunk[];
  /** ms from navigation to the first frame showing a pod. */
  firstPodsMs: number;
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: INIT_SCRIPT });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  return page;
}

/** Loads the default scenario cold; lists the scripts and style sheets it fetched before the first pod. */
export async function measureLoad(browser: Browser, url: string, outDir: string): Promise<LoadResult> {
  const page = await newPage(browser);
  const fetched: { url: string; type: string; isWorker: boolean }[] = [];
  page.on('request', (request) => {
    const type = request.resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    let isWorker = false;
    try {
      request.frame();
    } catch {
      isWorker = true; // a request made by a worker has no frame
    }
    fetched.push({ url: request.url(), type, isWorker });
  });
  await page.goto(url);
  await page.waitForFunction(FIRST_POD_AT, undefined, { timeout: 30_000 });
  const firstPodsMs = (await page.evaluate(FIRST_POD_AT)) as number;
  const chunks = [...new Map(fetched.map((f) => [f.url, f])).values()].map((f): Chunk => {
    const path = new URL(f.url).pathname;
    const body = readFileSync(join(outDir, path));
    const kind = f.isWorker || /worker/i.test(path) ? 'worker' : (f.type as Chunk['kind']);
    return { file: path.replace(/^\//, ''), kind, bytes: body.length, gzip: gzipSync(body).length };
  });
  await page.context().close();
  return { chunks, firstPodsMs };
}

export interface WindowResult {
  /** Main-thread busy time (CDP Performance TaskDuration), ms per second of the window. */
  taskMs: number;
  /** CPU time of the main thread (CDP ThreadTime), ms per second: unlike TaskDuration, it does not grow
   * while the thread waits for a core on a busy machine. */
  cpuMs: number;
  /** Script, layout and style recalculation time (CDP ScriptDuration, ...), ms per second. */
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  /** How long the window really lasted. */
  windowMs: number;
  fps: number;
  /** Long tasks that started in the window. */
  longTasks: number;
  maxTaskMs: number;
  /** Canvas nodes changed per second (counted once per frame), and frames per second with any change. */
  changesPerSecond: number;
  commitsPerSecond: number;
}

async function measureWindow(page: Page, selector: string, lengthMs: number): Promise<WindowResult> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => {
    const { metrics: list } = await cdp.send('Performance.getMetrics');
    return Object.fromEntries(list.map((m) => [m.name, m.value]));
  };
  const before = await metrics();
  await page.evaluate(startWindowScript(selector));
  await page.waitForTimeout(lengthMs);
  const counts = (await page.evaluate(STOP_WINDOW)) as WindowCounts;
  const after = await metrics();
  await cdp.detach();
  const tasks = ((await page.evaluate(LONG_TASKS)) as { start: number; duration: number }[]).filter(
    (t) => t.start >= counts.start && t.start <= counts.end,
  );
  // A busy page answers late, so the window can outlast `lengthMs`: every figure is per second of the
  // time actually measured (CDP's Timestamp for the CDP metrics, the page's clock for frames and changes).
  const elapsed = (after.Timestamp ?? 0) - (before.Timestamp ?? 0);
  const perSecond = (name: string) => (((after[name] ?? 0) - (before[name] ?? 0)) * 1000) / elapsed;
  const windowMs = counts.end - counts.start;
  const seconds = windowMs / 1000;
  return {
    taskMs: perSecond('TaskDuration'),
    cpuMs: perSecond('ThreadTime'),
    scriptMs: perSecond('ScriptDuration'),
    layoutMs: perSecond('LayoutDuration'),
    styleMs: perSecond('RecalcStyleDuration'),
    windowMs,
    fps: counts.frames / seconds,
    longTasks: tasks.length,
    maxTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
    changesPerSecond: counts.touched / seconds,
    commitsPerSecond: counts.commits / seconds,
  };
}

function podCount(page: Page): Promise<number> {
  return page.evaluate(
    `document.querySelectorAll('[role="button"][aria-label^="Pod "]').length`,
  ) as Promise<number>;
}

/**
 * The stress scenario at `speed`: once its pods are drawn, a rolling restart of the StatefulSet and the
 * Deployment keeps pods changing state; after `warmUpMs`, one window.
 */
export async function measureProduct(
  browser: Browser,
  url: string,
  options: { speed: number; windowMs: number; warmUpMs: number },
): Promise<WindowResult & { pods: number }> {
  const page = await openStress(browser, url, options);
  const result = await measureWindow(page, '.react-flow__node-pod', options.windowMs);
  const pods = await podCount(page);
  await page.context().close();
  return { ...result, pods };
}

/** Opens the stress scenario, starts the rolling restarts and waits `warmUpMs`. */
export async function openStress(
  browser: Browser,
  url: string,
  options: { speed: number; warmUpMs: number },
): Promise<Page> {
  const page = await newPage(browser);
  await page.goto(`${url}?scenario=stress&speed=${options.speed}`);
  await page.waitForFunction(
    `document.querySelectorAll('[role="button"][aria-label^="Pod "]').length >= ${STRESS_PODS}`,
    undefined,
    { timeout: 60_000 },
  );
  const input = page.getByRole('textbox', { name: 'kubectl command' });
  for (const line of [
    'kubectl rollout restart statefulset/load',
    'kubectl rollout restart deployment/load-deploy',
  ]) {
    await input.fill(line);
    await input.press('Enter');
  }
  await page.waitForTimeout(options.warmUpMs);
  return page;
}

/** Options of the bare React Flow page: `nodes` nodes updated every `intervalMs`, `rate` relabelled a second. */
export interface BareOptions {
  nodes: number;
  rate: number;
  intervalMs: number;
  warmUpMs: number;
}

/** Opens the bare React Flow page and waits `warmUpMs` once its nodes are drawn. */
export async function openBare(browser: Browser, url: string, options: BareOptions): Promise<Page> {
  const page = await newPage(browser);
  const query = `nodes=${options.nodes}&rate=${options.rate.toFixed(1)}&interval=${options.intervalMs}`;
  await page.goto(`${url}${BARE_DIR}/bare-flow.html?${query}`);
  await page.waitForFunction(`document.querySelectorAll('.react-flow__node').length >= ${options.nodes}`);
  await page.waitForTimeout(options.warmUpMs);
  return page;
}

/** One window of the bare React Flow page. */
export async function measureBare(
  browser: Browser,
  url: string,
  options: BareOptions & { windowMs: number },
): Promise<WindowResult> {
  const page = await openBare(browser, url, options);
  const result = await measureWindow(page, '.react-flow__node', options.windowMs);
  await page.context().close();
  return result;
}
