/**
 * `npm run bench:ui -- --trace FILE`: a Chrome trace of one window (the product's, or with `--bare` the baseline's) (open it in DevTools'
 * Performance panel), with the main thread's time per top-level event name printed.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

/** Records the trace to `file`; returns main-thread time by event name (direct children of tasks). */
export async function traceWindow(
  open: () => Promise<Page>,
  options: { windowMs: number },
  file: string,
): Promise<string[]> {
  const page = await open();
  const browser = page.context().browser()!;
  await browser.startTracing(page, {
    path: file,
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink'],
  });
  await page.waitForTimeout(options.windowMs);
  await browser.stopTracing();
  await page.context().close();
  const events = (JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const byName = new Map<string, number>();
  // Each task's direct children: events inside the task not inside another event inside the task.
  const sorted = [...onMain].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    let coveredUntil = task.ts;
    for (const e of sorted) {
      if (e === task || e.ts < task.ts || e.ts >= end || e.ts < coveredUntil) continue;
      if (tasks.includes(e)) continue;
      byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
      coveredUntil = e.ts + (e.dur ?? 0);
    }
  }
  const total = tasks.reduce((s, t) => s + (t.dur ?? 0) / 1000, 0);
  return [
    `${total.toFixed(0).padStart(6)} ms  all tasks (${tasks.length})`,
    ...[...byName.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 20)
      .map(([name, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${name}`),
  ];
}
