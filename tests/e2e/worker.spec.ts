import { expect, test } from '@playwright/test';

test('the simulation runs in a Web Worker and answers kubectl', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));

  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'StatefulSet Playground' })).toBeVisible();
  await expect(page.getByText('Simulated time')).toBeVisible();
  await expect.poll(() => page.workers().length).toBe(1);

  const mysql0 = page.getByRole('button', { name: 'Pod mysql-0', exact: true });
  await expect(mysql0).toBeVisible();
  await expect(mysql0).toContainText(/mysql-0\s*(Pending|ContainerCreating|Running|Terminating)/);

  const input = page.getByRole('textbox', { name: 'kubectl command' });
  await input.fill('kubectl get nodes');
  await input.press('Enter');
  const output = page.getByLabel('Console output');
  await expect(output).toContainText('$ kubectl get nodes');
  await expect(output).toContainText(/node-1\s+Ready/);
  await expect(input).toHaveValue('');

  expect(problems).toEqual([]);
});

test('the URL picks the scenario and seed, and an unknown scenario is reported', async ({ page }) => {
  await page.goto('./?scenario=empty&seed=5&paused=1');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('empty');
  await expect(page.getByText('seed 5')).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Cluster' }).getByRole('button', { name: /^Pod / }),
  ).toHaveCount(0);

  await page.goto('./?scenario=nope');
  await expect(page.getByRole('status', { name: 'Start-up notice' })).toContainText(
    'Unknown scenario "nope": the scenarios are compare',
  );
});

test('step and play advance the simulated clock, pause stops it', async ({ page }) => {
  await page.goto('./?scenario=empty&paused=1');
  const clock = page.getByRole('timer', { name: 'Simulated time' });
  await expect(clock).toHaveText('00:00:00');
  // Nothing changes in an empty cluster, so a step goes the whole minute it looks ahead.
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(clock).toHaveText('00:01:00');

  await page.getByRole('combobox', { name: 'Speed' }).selectOption('32x');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(clock).not.toHaveText('00:01:00');
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // Paused, the clock moves only by steps.
  const [h, m, sec] = ((await clock.textContent()) ?? '').split(':').map(Number);
  const next = h! * 3600 + m! * 60 + sec! + 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(clock).toHaveText(
    `${pad(Math.floor(next / 3600))}:${pad(Math.floor((next % 3600) / 60))}:${pad(next % 60)}`,
  );
});
