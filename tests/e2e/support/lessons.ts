/** Helpers for the lesson specs: open a lesson from the header, answer, run, wait for each check to say Done. */
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

export const panel = (page: Page) => page.locator('#lessons-panel');
export const checkStatus = (page: Page) => panel(page).locator('.lesson-check [role="status"]');
export const consoleInput = (page: Page) => page.getByRole('textbox', { name: 'kubectl command' });
export const consoleOutput = (page: Page) => page.getByRole('log', { name: 'Console output' });

/** Opens the playground paused, so simulated time only moves with the lessons' `sleep` lines. */
export async function openPlayground(page: Page): Promise<void> {
  await page.goto('./?paused=1');
  await expect(consoleInput(page)).toBeEnabled();
}

/** Opens the lesson list with the header's Lessons button (if closed) and picks the lesson. */
export async function openLesson(page: Page, title: string): Promise<void> {
  const button = page.getByRole('button', { name: 'Lessons', exact: true });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await panel(page).getByRole('button', { name: new RegExp(title) }).click();
  await expect(panel(page).getByRole('heading', { level: 2, name: new RegExp(title) })).toBeVisible();
}

/** Types one line into the console and presses Enter, as a learner would (a line typed into a shell too). */
export async function typeLine(page: Page, line: string): Promise<void> {
  const input = consoleInput(page);
  await expect(input).toBeEnabled();
  await input.fill(line);
  await input.press('Enter');
  await expect(input).toHaveValue('');
}

export interface StepOptions {
  /** Which choice to commit for the step's question (default: the second). */
  choice?: number;
  /** Type the step's commands into the console instead of pressing "Run it". */
  typed?: string[];
  /** Extra console lines after the commands (a `sleep` to move simulated time further). */
  then?: string[];
  timeout?: number;
}

/**
 * Completes the step on screen: loads its scenario when it offers one, answers its question and waits for
 * the reveal, runs every command with "Run it" (or types them), and waits until the check shows Done.
 */
export async function completeStep(page: Page, options: StepOptions = {}): Promise<void> {
  const p = panel(page);
  const load = p.getByRole('button', { name: /^Load / });
  if (await load.count()) {
    await load.click();
    await expect(checkStatus(page)).not.toHaveText(/the scenario is loading/);
  }
  // Nothing of the step has been done yet: its check says what is missing.
  await expect(checkStatus(page)).toHaveText(/^Not yet: /);
  const question = p.locator('fieldset.lesson-question');
  if (await question.count()) {
    await question.getByRole('radio').nth(options.choice ?? 1).check();
    await question.getByRole('button', { name: 'Commit answer' }).click();
    await expect(question.getByRole('status')).toHaveText(/^(Right\. |Not quite: )/);
  }
  if (options.typed) {
    for (const line of options.typed) await typeLine(page, line);
  } else {
    const runs = p.getByRole('button', { name: /^Run it: / });
    const count = await runs.count();
    for (let i = 0; i < count; i++) await runs.nth(i).click();
  }
  for (const line of options.then ?? []) await typeLine(page, line);
  await expect(checkStatus(page)).toHaveText('Done', { timeout: options.timeout ?? 30_000 });
  await expect(p.getByRole('heading', { level: 4, name: 'What just happened' })).toBeVisible();
}

/**
 * Completes a whole lesson from its list entry: every step in order (options per step index), then back to
 * the list, where it shows Completed.
 */
export async function completeLesson(
  page: Page,
  title: string,
  steps: number,
  options: Record<number, StepOptions> = {},
): Promise<void> {
  await openLesson(page, title);
  for (let i = 0; i < steps; i++) {
    await expect(panel(page).getByRole('heading', { level: 3, name: new RegExp(`^Step ${i + 1} of ${steps}:`) })).toBeVisible();
    await completeStep(page, options[i]);
    if (i < steps - 1) await panel(page).getByRole('button', { name: 'Next step' }).click();
  }
  await panel(page).getByRole('button', { name: 'Back to all lessons' }).click();
  await expect(panel(page).getByRole('button', { name: new RegExp(`${title}.*Completed`) })).toBeVisible();
}
