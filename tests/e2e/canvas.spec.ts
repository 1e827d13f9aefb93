/// <reference lib="dom" />
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

const pod = (page: Page, name: string) => page.getByRole('button', { name: `Pod ${name}`, exact: true });

test('the default scenario draws 4 nodes in 2 zones, the StatefulSet with its claims, the Deployment and both Services', async ({
  page,
}) => {
  const problems = watchProblems(page);
  await page.goto('./');
  const canvas = page.getByRole('region', { name: 'Cluster' });

  await expect(canvas.getByRole('group', { name: 'Zone zone-a', exact: true })).toBeVisible();
  await expect(canvas.getByRole('group', { name: 'Zone zone-b', exact: true })).toBeVisible();
  await expect(canvas.getByRole('group', { name: /^Zone / })).toHaveCount(2);
  for (const node of ['node-1', 'node-2', 'node-3', 'node-4']) {
    await expect(canvas.getByRole('group', { name: `Node ${node}`, exact: true })).toBeVisible();
  }
  await expect(canvas.getByRole('group', { name: /^Node / })).toHaveCount(4);

  for (const ordinal of [0, 1, 2]) {
    await expect(pod(page, `mysql-${ordinal}`)).toBeVisible();
    await expect(
      canvas.getByRole('button', { name: `PersistentVolumeClaim data-mysql-${ordinal}`, exact: true }),
    ).toBeVisible();
    await expect(canvas.getByText(`mysql-${ordinal}.mysql.default.svc.cluster.local`)).toBeVisible();
  }
  await expect(canvas.getByRole('button', { name: /^Pod mysql-\d+$/ })).toHaveCount(3);
  await expect(canvas.getByRole('button', { name: /^PersistentVolume pvc-/ })).toHaveCount(3);
  await expect(canvas.getByRole('button', { name: /^Pod mysql-deploy-[a-z0-9]+-[a-z0-9]{5}$/ })).toHaveCount(
    3,
  );
  await expect(canvas.getByRole('button', { name: 'Service mysql', exact: true })).toBeVisible();
  await expect(canvas.getByRole('button', { name: 'Service mysql-deploy', exact: true })).toBeVisible();

  // A pod card shows its STATUS word, READY, IP and owner kind.
  await expect(pod(page, 'mysql-0')).toContainText('Running');
  await expect(pod(page, 'mysql-0')).toContainText('READY 1/1');
  await expect(pod(page, 'mysql-0')).toContainText(/10\.244\.\d+\.\d+/);
  await expect(pod(page, 'mysql-0')).toContainText('StatefulSet');
  await expect(page.getByRole('region', { name: 'Legend' })).toContainText('Deployment');

  expect(problems).toEqual([]);
});

test('scaling the StatefulSet to 5 shows mysql-3 Ready before mysql-4 exists', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./');
  await expect(pod(page, 'mysql-2')).toBeVisible();

  const input = page.getByRole('textbox', { name: 'kubectl command' });
  await input.fill('kubectl scale sts mysql --replicas=5');
  await input.press('Enter');
  await expect(page.getByLabel('Console output')).toContainText('statefulset.apps/mysql scaled');
  await page.getByLabel('Speed').selectOption('2');
  const play = page.getByRole('button', { name: 'Play' });
  if (await play.isVisible()) await play.click();

  // Sample the canvas at one instant each time: does mysql-4 exist, and is mysql-3 Ready?
  const samples: { hasMysql3: boolean; isMysql3Ready: boolean; hasMysql4: boolean }[] = [];
  await expect
    .poll(
      async () => {
        const sample = await page.evaluate(() => {
          const card = (name: string) =>
            document.querySelector<HTMLElement>(`[role="button"][aria-label="Pod ${name}"]`);
          const mysql3 = card('mysql-3');
          return {
            hasMysql3: mysql3 !== null,
            isMysql3Ready:
              !!mysql3?.textContent?.includes('Running') && !!mysql3.textContent.includes('READY 1/1'),
            hasMysql4: card('mysql-4') !== null,
          };
        });
        samples.push(sample);
        return sample.hasMysql4;
      },
      { timeout: 45_000, intervals: [100] },
    )
    .toBe(true);

  expect(samples.some((s) => s.hasMysql3 && !s.hasMysql4)).toBe(true);
  expect(samples.filter((s) => s.hasMysql4).every((s) => s.isMysql3Ready)).toBe(true);
  await expect(pod(page, 'mysql-4')).toContainText('READY 1/1', { timeout: 45_000 });
  await expect(
    page.getByRole('button', { name: 'PersistentVolumeClaim data-mysql-4', exact: true }),
  ).toBeVisible();
  expect(problems).toEqual([]);
});

test('the canvas works from the keyboard: Tab reaches the pods, arrows move between them, Enter selects', async ({
  page,
}) => {
  const problems = watchProblems(page);
  await page.goto('./');
  await expect(pod(page, 'mysql-1')).toBeVisible();

  // Tab from the top of the page: the first canvas object reached is the first Service, then the zones,
  // nodes and pods in reading order.
  const reached: string[] = [];
  for (let i = 0; i < 60 && !reached.includes('Pod mysql-1'); i++) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''));
  }
  const onCanvas = reached.filter((label) => /^(Service|Zone|Node|Pod) /.test(label));
  expect(onCanvas.slice(0, 5)).toEqual([
    'Service mysql',
    'Service mysql-deploy',
    'Zone zone-a',
    'Node node-1',
    'Pod mysql-1',
  ]);
  await expect(pod(page, 'mysql-1')).toBeFocused();

  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('group', { name: 'Node node-1', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(pod(page, 'mysql-1')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(
    page.getByRole('button', { name: /^Pod mysql-deploy-/ }).and(page.locator(':focus')),
  ).toHaveCount(1);
  await page.keyboard.press('ArrowLeft');
  await expect(pod(page, 'mysql-1')).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(page.getByText('Selected Pod mysql-1', { exact: true })).toBeAttached();
  await page.keyboard.press('Escape');
  await expect(page.getByText('Selected Pod mysql-1', { exact: true })).not.toBeAttached();
  expect(problems).toEqual([]);
});
