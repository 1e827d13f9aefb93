import { expect, test } from '@playwright/test';
import { clock, runLine, watchProblems } from './support/share';

/**
 * After one visit the site works with the network off: the service worker (Workbox, generated at build
 * time) precaches the built assets, both pages and the simulation worker.
 */
test('after one visit, the playground and the embed work offline', async ({ page, context }) => {
  const problems = watchProblems(page);
  await page.goto('./?scenario=compare&seed=1&paused=1');
  await expect(clock(page)).toHaveText('00:01:00');
  // The service worker is installed (precache done) and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(clock(page)).toHaveText(/^00:01:0\d$/);
  await expect(
    page.getByRole('region', { name: 'Cluster' }).getByRole('button', { name: 'Pod mysql-0' }),
  ).toBeVisible();
  await runLine(page, 'kubectl get sts mysql');
  await expect(page.getByLabel('Console output')).toContainText('mysql');

  // Another scenario and the embed page, never opened online, come from the same precache.
  await page.goto('./?scenario=empty&paused=1');
  await expect(clock(page)).toHaveText('00:00:00');
  const embed = await context.newPage();
  await embed.goto('./embed.html?scenario=compare&paused=1&script=kubectl%20get%20pods');
  await expect(embed.getByRole('button', { name: 'Next step' })).toBeEnabled();
  await expect(
    embed.getByRole('region', { name: 'Cluster' }).getByRole('button', { name: 'Pod mysql-2' }),
  ).toBeVisible();
  await context.setOffline(false);
  expect(problems).toEqual([]);
});
