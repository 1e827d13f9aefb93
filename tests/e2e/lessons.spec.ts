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

test('at 1280 px the header keeps every control, Lessons included, on one row above the Timeline', async ({ page }) => {
  const problems = watchProblems(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openPlayground(page);
  const header = page.getByRole('banner');
  const controls = [
    header.getByRole('combobox', { name: 'Scenario' }),
    header.getByRole('button', { name: 'Play' }),
    header.getByRole('button', { name: 'Step' }),
    header.getByRole('combobox', { name: 'Speed' }),
    header.getByRole('timer', { name: 'Simulated time' }),
    header.getByRole('button', { name: 'Dark theme' }),
    header.getByRole('button', { name: 'Lessons', exact: true }),
    header.getByRole('button', { name: 'Copy link' }),
    header.getByRole('button', { name: 'Share' }),
    header.getByRole('button', { name: 'Presenter' }),
  ];
  const timeline = (await header.getByRole('slider', { name: 'Timeline' }).boundingBox())!;
  const boxes = [];
  for (const control of controls) {
    await expect(control).toBeVisible();
    boxes.push((await control.boundingBox())!);
  }
  const rowTop = Math.min(...boxes.map((b) => b.y));
  for (const box of boxes) {
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    // One row: every control starts near the first one's top and ends above the Timeline.
    expect(box.y - rowTop).toBeLessThan(box.height);
    expect(box.y + box.height).toBeLessThanOrEqual(timeline.y);
  }
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await panel(page).getByRole('button', { name: /Identity/ }).click();
  await expect(checkStatus(page)).toHaveText(/^Not yet: /);
  await page.screenshot({ path: 'docs/screenshots/header-1280.png' });
  expect(problems).toEqual([]);
});
