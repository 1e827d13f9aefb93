/**
 * Lessons 1, 2, 4 and 6 completed through the UI, with the panel's own features along the way: the live check
 * status, keyboard stepping, progress across a reload, Reset lesson and Sandbox. The other lessons are
 * completed in lessons-complete.spec.ts.
 */
import { expect, test } from '@playwright/test';
import { checkStatus, completeLesson, completeStep, openLesson, openPlayground, panel, watchProblems } from './support/lessons';

test('lesson 1 (Identity) completed through the UI; progress survives a reload', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchProblems(page);
  await openPlayground(page);
  await openLesson(page, 'Identity');
  // Before anything is run, the check says what is missing, in a live region.
  await expect(checkStatus(page)).toHaveText('Not yet: mysql-1 has not been deleted yet');
  await expect(checkStatus(page)).toHaveAttribute('aria-live', 'polite');
  await completeStep(page);
  await expect(page.getByRole('log', { name: 'Console output' })).toContainText('$ kubectl delete pod mysql-1');
  await page.setViewportSize({ width: 1600, height: 1000 });
  await panel(page).getByRole('heading', { level: 3 }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/screenshots/lesson.png' });
  for (let i = 2; i <= 3; i++) {
    await panel(page).getByRole('button', { name: 'Next step' }).click();
    await expect(panel(page).getByRole('heading', { level: 3, name: new RegExp(`^Step ${i} of 3`) })).toBeVisible();
    await completeStep(page);
  }
  await panel(page).getByRole('button', { name: 'Back to all lessons' }).click();
  await expect(panel(page).getByRole('button', { name: /Identity.*Completed/ })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'kubectl command' })).toBeEnabled();
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await expect(panel(page).getByRole('button', { name: /Identity.*Completed/ })).toBeVisible();
  expect(problems).toEqual([]);
});

test('lesson 2 (Order) completed through the UI, stepping with the keyboard', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchProblems(page);
  await openPlayground(page);
  await openLesson(page, 'Order');
  await completeStep(page);
  // N and P move between steps when focus is not in a field.
  const heading = panel(page).getByRole('heading', { level: 3 });
  await heading.first().focus();
  await page.keyboard.press('n');
  await expect(heading).toHaveText(/^Step 2 of 4/);
  await expect(heading).toBeFocused();
  await page.keyboard.press('p');
  await expect(heading).toHaveText(/^Step 1 of 4/);
  await expect(heading).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(heading).toHaveText(/^Step 2 of 4/);
  for (let i = 2; i <= 4; i++) {
    await completeStep(page);
    if (i < 4) await panel(page).getByRole('button', { name: 'Next step' }).click();
  }
  await panel(page).getByRole('button', { name: 'Back to all lessons' }).click();
  await expect(panel(page).getByRole('button', { name: /Order.*Completed/ })).toBeVisible();
  expect(problems).toEqual([]);
});

test('lesson 4 (Stable storage) completed through the UI, including the shared-PVC scenario', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchProblems(page);
  await openPlayground(page);
  await completeLesson(page, 'Stable storage', 5);
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('compare-shared-pvc');
  expect(problems).toEqual([]);
});

test('lesson 6 (A node is lost) completed through the UI; reset clears its progress', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchProblems(page);
  await openPlayground(page);
  await completeLesson(page, 'A node is lost', 4);
  await panel(page).getByRole('button', { name: /A node is lost/ }).click();
  await panel(page).getByRole('button', { name: 'Reset lesson' }).click();
  await expect(panel(page).getByRole('heading', { level: 3 })).toHaveText(/^Step 1 of 4/);
  await expect(checkStatus(page)).toHaveText('Not yet: node-1 is still Ready');
  await panel(page).getByRole('button', { name: 'All lessons' }).click();
  await expect(panel(page).getByRole('button', { name: /A node is lost.*0 of 4 steps/ })).toBeVisible();
  // Sandbox closes the panel and leaves the cluster alone.
  await panel(page).getByRole('button', { name: 'Sandbox' }).click();
  await expect(panel(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Lessons', exact: true })).toHaveAttribute('aria-expanded', 'false');
  expect(problems).toEqual([]);
});
