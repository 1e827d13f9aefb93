/**
 * `npm run bench:ui -- --profile FILE`: a CPU profile of the product's main thread during one stress
 * window, saved as a .cpuprofile (open it in Chrome DevTools), with the top functions by self time printed.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}

/** Records the profile to `file`; returns the top `top` functions by self time as text lines. */
export async function profileWindow(
  open: () => Promise<Page>,
  options: { windowMs: number },
  file: string,
  top = 25,
): Promise<string[]> {
  const page = await open();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.waitForTimeout(options.windowMs);
  const { profile } = await cdp.send('Profiler.stop');
  await page.context().close();
  writeFileSync(file, JSON.stringify(profile));
  const samples = profile.samples ?? [];
  const byId = new Map((profile.nodes as ProfileNode[]).map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const { functionName, url: source, lineNumber, columnNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${source.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, msSelf]) => `${msSelf.toFixed(0).padStart(6)} ms  ${key}`);
}
