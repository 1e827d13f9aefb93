import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const INSERT = (n: number) =>
  `"CREATE DATABASE shop; CREATE TABLE shop.orders (id INT); INSERT INTO shop.orders VALUES ${Array.from({ length: n }, (_, i) => `(${i + 1})`).join(', ')}"`;

async function kubectl(page: Page, line: string) {
  const input = page.getByRole('textbox', { name: 'kubectl command' });
  await input.fill(line);
  await input.press('Enter');
  await expect(input).toHaveValue('');
}

test('the comparison panel tells a re-created StatefulSet pod from a replaced Deployment pod', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));

  await page.goto('./?speed=8');
  const panel = page.getByRole('complementary', { name: 'Deployment vs StatefulSet' });
  await expect(panel).toBeVisible();
  const sts = panel.getByRole('region', { name: 'StatefulSet mysql' });
  const deploy = panel.getByRole('region', { name: 'Deployment mysql-deploy' });
  const mysql1 = sts.getByRole('listitem', { name: 'Slot mysql-1' });
  await expect(mysql1).toContainText('mysql-1: no change since the start');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/comparison-layout-start.png' });
  await expect(sts.getByRole('region', { name: 'What just happened to StatefulSet mysql' })).toContainText(
    'created mysql-0, mysql-1 and mysql-2 one after another',
  );
  await expect(deploy.getByRole('region', { name: 'What just happened to Deployment mysql-deploy' })).toContainText('all at once');

  await kubectl(page, `kubectl exec mysql-1 -- mysql -e ${INSERT(3)}`);
  await expect(mysql1).toContainText('3 rows in 1 table');
  await kubectl(page, 'kubectl delete pod mysql-1');
  const stsStory = sts.getByRole('region', { name: 'What just happened to StatefulSet mysql' });
  await expect(stsStory).toContainText('You deleted mysql-1');
  await expect(stsStory).toContainText('The StatefulSet controller created a new mysql-1 once the old one was gone');
  await expect(stsStory).toContainText('mysql-1 is Running and Ready');
  await expect(mysql1).toContainText(/same name, same DNS name, data-mysql-1 re-attached, 3 rows intact/);
  await expect(mysql1).toContainText('mysql-1.mysql.default.svc.cluster.local');

  const slot1 = deploy.getByRole('listitem', { name: 'Slot 1' });
  const oldName = (await slot1.locator('.cmp-pod-name').textContent())!.trim();
  expect(oldName).toMatch(/^mysql-deploy-\w+-\w{5}$/);
  await kubectl(page, `kubectl exec ${oldName} -- mysql -e ${INSERT(2)}`);
  await expect(slot1).toContainText('2 rows in 1 table');
  await kubectl(page, `kubectl delete pod ${oldName}`);
  await expect(slot1).toContainText(`${oldName} replaced by mysql-deploy-`);
  await expect(slot1).toContainText(/new name, .*new IP .*emptyDir data lost \(2 rows\)/);
  const deployStory = deploy.getByRole('region', { name: 'What just happened to Deployment mysql-deploy' });
  await expect(deployStory).toContainText(`You deleted ${oldName}`);
  await expect(deployStory).toContainText('a new, empty emptyDir; the 2 rows on the old pod');

  const scorecard = panel.getByRole('table', { name: 'Scorecard since the start' });
  await expect(scorecard.getByRole('row', { name: /Names changed/ })).toContainText('1 of 1');
  await expect(scorecard.getByRole('row', { name: /Names changed/ })).toContainText('0 of 1');
  await expect(scorecard.getByRole('row', { name: /Stable DNS names/ })).toContainText('0 of 3');
  await expect(scorecard.getByRole('row', { name: /Stable DNS names/ })).toContainText('3 of 3');
  await expect(sts.getByRole('list', { name: 'Timeline of StatefulSet mysql' })).toBeVisible();
  await page.setViewportSize({ width: 1680, height: 1900 });
  await panel.screenshot({ path: 'docs/screenshots/comparison-panel.png' });
  const stsTimeline = sts.getByRole('list', { name: 'Timeline of StatefulSet mysql' });
  await stsTimeline.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: 'test-results/comparison-timeline.png' });
  await page.setViewportSize({ width: 1440, height: 900 });

  // Hiding keeps the history; Reset starts it again from now.
  await panel.getByRole('button', { name: 'Hide comparison' }).click();
  await expect(sts).toBeHidden();
  await panel.getByRole('button', { name: 'Show comparison' }).click();
  await expect(mysql1).toContainText('3 rows intact');
  await panel.getByRole('button', { name: 'Reset history' }).click();
  await expect(mysql1).toContainText('mysql-1: no change since the start');

  expect(problems).toEqual([]);
});
