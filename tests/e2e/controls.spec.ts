import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

/** Collects console errors and page errors; each test asserts there were none. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  return problems;
}

const clock = (page: Page) => page.getByRole('timer', { name: 'Simulated time' });
const playButton = (page: Page) => page.getByRole('button', { name: 'Play', exact: true });
const pauseButton = (page: Page) => page.getByRole('button', { name: 'Pause', exact: true });
const speed = (page: Page) => page.getByRole('combobox', { name: 'Speed' });
const mysqlPods = (page: Page) =>
  page.getByRole('region', { name: 'Cluster' }).getByRole('button', { name: /^Pod mysql-\d+$/ });

/** Seconds shown on the simulated clock. */
async function clockSeconds(page: Page): Promise<number> {
  const [h, m, s] = ((await clock(page).textContent()) ?? '').split(':').map(Number);
  return h! * 3600 + m! * 60 + s!;
}

async function runKubectl(page: Page, line: string) {
  const input = page.getByRole('textbox', { name: 'kubectl command' });
  await input.fill(line);
  await input.press('Enter');
}

test('the header bar: title, scenario picker with every scenario, and the simulated clock', async ({
  page,
}) => {
  const problems = watchProblems(page);
  await page.goto('./?paused=1');
  await expect(page.getByRole('heading', { level: 1, name: 'StatefulSet Playground' })).toBeVisible();
  const picker = page.getByRole('combobox', { name: 'Scenario' });
  await expect(picker).toHaveValue('compare');
  await expect(picker.getByRole('option')).toHaveText([
    'Deployment vs StatefulSet',
    'Deployment sharing one PVC',
    'StatefulSet Basics tutorial',
    'Empty cluster',
    'Stress: hundreds of pods',
  ]);
  await expect(clock(page)).toHaveText('00:01:00');

  await picker.selectOption({ label: 'Empty cluster' });
  await expect(clock(page)).toHaveText('00:00:00');
  await expect(mysqlPods(page)).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]scenario=empty(&|$)/);
  expect(problems).toEqual([]);
});

test('Space plays and pauses when focus is not in a text field', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?scenario=empty&paused=1');
  await expect(playButton(page)).toBeVisible();
  // Space acts on a loaded run: wait until the cluster is drawn.
  await expect(page.getByRole('group', { name: 'Node node-1', exact: true })).toBeVisible();

  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Space');
  await expect(pauseButton(page)).toBeVisible();
  await expect.poll(() => clockSeconds(page)).toBeGreaterThan(0);
  await page.keyboard.press('Space');
  await expect(playButton(page)).toBeVisible();

  // In the kubectl field, Space types a space.
  const input = page.getByRole('textbox', { name: 'kubectl command' });
  await input.click();
  await page.keyboard.type('kubectl get');
  await page.keyboard.press('Space');
  await expect(input).toHaveValue('kubectl get ');
  await expect(playButton(page)).toBeVisible();
  expect(problems).toEqual([]);
});

test('speed changes how fast simulated time runs', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?scenario=empty&paused=1');
  await expect(speed(page)).toHaveValue('1');
  await expect(speed(page).getByRole('option')).toHaveText([
    '0.25x',
    '0.5x',
    '1x',
    '2x',
    '4x',
    '8x',
    '16x',
    '32x',
    '64x',
  ]);
  await speed(page).selectOption('64x');
  await expect(speed(page)).toHaveValue('64');
  await playButton(page).click();
  // 64 simulated seconds per second: a simulated minute passes within a couple of wall-clock seconds.
  await expect.poll(() => clockSeconds(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(60);
  await pauseButton(page).click();
  expect(problems).toEqual([]);
});

test('Step advances the clock to the next change', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?paused=1');
  await expect(clock(page)).toHaveText('00:01:00');
  await expect(mysqlPods(page)).toHaveCount(3);

  // Nothing changes in a settled cluster: a step goes its full minute.
  const step = page.getByRole('button', { name: 'Step' });
  await step.click();
  await expect(clock(page)).toHaveText('00:02:00');

  // After a command, each step stops at the next thing that changes on screen.
  await runKubectl(page, 'kubectl scale sts mysql --replicas=4');
  await expect(mysqlPods(page)).toHaveCount(4);
  await step.click();
  await expect.poll(() => clockSeconds(page)).toBeGreaterThan(120);
  expect(await clockSeconds(page)).toBeLessThan(180);
  expect(problems).toEqual([]);
});

test('?paused=1&speed=4 starts paused at 4x; without it the run plays', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?paused=1&speed=4');
  await expect(speed(page)).toHaveValue('4');
  await expect(playButton(page)).toBeVisible();
  await expect(clock(page)).toHaveText('00:01:00');
  await expect(page.getByRole('status', { name: 'Start-up notice' })).toHaveCount(0);

  await page.goto('./?scenario=empty');
  await expect(pauseButton(page)).toBeVisible();
  await expect.poll(() => clockSeconds(page)).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});

test('a bad parameter is reported and the playground starts cleanly', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?speed=abc&seed=x1&scenario=nope');
  const notice = page.getByRole('status', { name: 'Start-up notice' });
  await expect(notice).toContainText(
    'Ignored speed="abc": the speed must be one of 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64. Using 1x.',
  );
  await expect(notice).toContainText('Ignored seed="x1"');
  await expect(notice).toContainText('Unknown scenario "nope"');
  // The default scenario, seed 1, playing at 1x.
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('compare');
  await expect(speed(page)).toHaveValue('1');
  await expect(pauseButton(page)).toBeVisible();
  await expect(mysqlPods(page)).toHaveCount(3);
  await expect(page.getByRole('alert')).toHaveCount(0);

  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('scrubbing the timeline back shows the earlier state; acting there forks the run after a confirmation', async ({
  page,
}) => {
  const problems = watchProblems(page);
  await page.goto('./?paused=1');
  await expect(mysqlPods(page)).toHaveCount(3);
  await runKubectl(page, 'kubectl scale sts mysql --replicas=5');
  await speed(page).selectOption('16x');
  await playButton(page).click();
  await expect(mysqlPods(page)).toHaveCount(5, { timeout: 20_000 });
  await pauseButton(page).click();
  const latest = await clockSeconds(page);

  // Back to the start, before the scale command.
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  await timeline.focus();
  await timeline.press('Home');
  await expect(clock(page)).toHaveText('00:01:00');
  await expect(mysqlPods(page)).toHaveCount(3);
  await expect(page.getByText('Viewing the past')).toBeVisible();

  // A command in the past asks first; cancelling keeps the recorded run.
  await runKubectl(page, 'kubectl get pods');
  const dialog = page.getByRole('dialog', { name: 'Change the past?' });
  await expect(dialog).toContainText('This forks the run: later changes will be discarded');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Back to latest' }).click();
  await expect(mysqlPods(page)).toHaveCount(5);
  expect(await clockSeconds(page)).toBe(latest);
  await expect(page.getByText('Viewing the past')).toHaveCount(0);

  // Fork: back in the past, scale to 2 instead.
  await timeline.press('Home');
  await expect(mysqlPods(page)).toHaveCount(3);
  await runKubectl(page, 'kubectl scale sts mysql --replicas=2');
  await dialog.getByRole('button', { name: 'Fork the run' }).click();
  await expect(page.getByText('Viewing the past')).toHaveCount(0);
  await playButton(page).click();
  await expect(mysqlPods(page)).toHaveCount(2, { timeout: 20_000 });
  expect(problems).toEqual([]);
});

test('the theme follows the system, toggles, and the pick is remembered', async ({ page }) => {
  const problems = watchProblems(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./?paused=1');
  const html = page.locator('html');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');

  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const background = 'getComputedStyle(document.body).backgroundColor';
  expect(await page.evaluate(background)).toBe('rgb(13, 17, 23)');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');

  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  expect(await page.evaluate(background)).toBe('rgb(247, 248, 250)');

  // A stored value that is not a theme is ignored.
  await page.evaluate(`localStorage.setItem('statefulset-playground.theme', 'purple')`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(problems).toEqual([]);
});

test('screenshots of the header bar in light and dark, at laptop width', async ({ page }) => {
  const problems = watchProblems(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('./?paused=1');
    await expect(mysqlPods(page)).toHaveCount(3);
    await runKubectl(page, 'kubectl scale sts mysql --replicas=5');
    await page.getByRole('button', { name: 'Step' }).click();
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => clockSeconds(page)).toBeGreaterThan(60);
    await page.getByRole('slider', { name: 'Timeline' }).press('Home');
    await expect(page.getByText('Viewing the past')).toBeVisible();
    // Let the canvas finish drawing mysql-3 leaving (it did not exist yet at this time).
    await expect(
      page.getByRole('region', { name: 'Cluster' }).getByText('mysql-3', { exact: true }),
    ).toHaveCount(0);
    await page.screenshot({ path: `docs/screenshots/controls-${theme}.png` });
    // Every control stays inside the header at 1280 px.
    const header = await page.getByRole('banner').boundingBox();
    for (const name of ['Scenario', 'Speed']) {
      const box = await page.getByRole('combobox', { name }).boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(header!.x + header!.width);
    }
    const toggle = await page.getByRole('button', { name: 'Dark theme' }).boundingBox();
    expect(toggle!.x + toggle!.width).toBeLessThanOrEqual(1280);
  }
  expect(problems).toEqual([]);
});
