/** Helpers for the sharing, embedding, offline and CSP specs. */
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** Collects console errors and page errors; each test asserts there were none. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  return problems;
}

export const clock = (page: Page) => page.getByRole('timer', { name: 'Simulated time' });

/** Types `line` into the console and waits until the console shows it answered (echoed after its prompt). */
export async function runLine(page: Page, line: string): Promise<void> {
  const input = page.getByRole('textbox', { name: 'kubectl command' });
  const output = page.getByLabel('Console output');
  const echoes = async () => ((await output.textContent()) ?? '').split(`$ ${line}`).length - 1;
  const before = await echoes();
  await expect(input).toBeEnabled();
  await input.fill(line);
  await input.press('Enter');
  await expect.poll(echoes).toBeGreaterThan(before);
}

/**
 * Runs `sim digest` (a hash of the whole simulation: objects, files, clock, random state) and returns it.
 * Two pages with the same digest hold the same state.
 */
export async function digest(page: Page): Promise<string> {
  const output = page.getByLabel('Console output');
  const before = ((await output.textContent()) ?? '').match(/\$ sim digest\n[0-9a-f]{16}/g)?.length ?? 0;
  await runLine(page, 'sim digest');
  let found = '';
  await expect
    .poll(async () => {
      const all = ((await output.textContent()) ?? '').match(/\$ sim digest\n([0-9a-f]{16})/g) ?? [];
      found = all.length > before ? all.at(-1)!.slice(-16) : '';
      return found;
    })
    .toMatch(/^[0-9a-f]{16}$/);
  return found;
}

/** Clicks Step and waits until the timeline counts one more recorded change. */
export async function step(page: Page): Promise<void> {
  const status = page.getByText(/\d+ changes recorded/);
  const count = async () => Number(((await status.textContent()) ?? '').match(/(\d+) changes recorded/)?.[1]);
  const before = await count();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(count).toBe(before + 1);
}
