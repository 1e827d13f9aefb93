/// <reference lib="dom" />
/**
 * The compact canvas: with hundreds of pods (the stress scenario) every pod is a small chip that keeps its
 * accessible name, carries its status words in its description, and can be selected by keyboard.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  return problems;
}

test('the stress scenario draws 300 pods as chips named and described like cards', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?scenario=stress&speed=4');
  const canvas = page.getByRole('region', { name: 'Cluster' });
  await expect(canvas.getByRole('button', { name: /^Pod load-/ })).toHaveCount(300, { timeout: 20_000 });

  const chip = canvas.getByRole('button', { name: 'Pod load-17', exact: true });
  await expect(chip).toContainText('17');
  await expect(chip).toHaveAccessibleDescription(
    /Running, READY 1\/1, .*owned by StatefulSet load, ordinal 17/,
    {
      timeout: 20_000,
    },
  );
  const deployChip = canvas.getByRole('button', { name: /^Pod load-deploy-/ }).first();
  const name = (await deployChip.getAttribute('aria-label'))!;
  await expect(deployChip).toContainText(name.slice(-5));
  await expect(deployChip).toHaveAccessibleDescription(/owned by Deployment load-deploy/);

  // The legend explains the chips instead of the cards.
  const legend = page.getByRole('region', { name: 'Legend' });
  await expect(legend).toContainText('StatefulSet (ordinal)');
  await expect(legend).toContainText('Deployment (suffix)');

  // Keyboard: focus a chip, Enter selects it for the inspector.
  await chip.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Selected Pod load-17')).toBeAttached();

  // Chips are small: far smaller than a card.
  const box = await chip.boundingBox();
  expect(box!.width).toBeLessThan(80);

  expect(problems).toEqual([]);
});

test('the comparison panel lists the first 12 slots of a large workload, and all of them on request', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?scenario=stress&speed=4');
  const panel = page.getByRole('complementary', { name: 'Deployment vs StatefulSet' });
  const slots = panel.getByRole('list', { name: 'Slots of StatefulSet load' });
  // The list and its "Show all" share one box in the StatefulSet's column.
  const box = slots.locator('xpath=..');
  await expect(slots.getByRole('listitem')).toHaveCount(12, { timeout: 20_000 });
  await expect(box.getByText('The first 12 of 150 slots')).toBeVisible();
  const showAll = box.getByRole('button', { name: 'Show all 150' });
  await showAll.focus();
  await page.keyboard.press('Enter');
  await expect(slots.getByRole('listitem')).toHaveCount(150);
  await expect(box.getByText('All 150 slots')).toBeVisible();
  await box.getByRole('button', { name: 'Show the first 12' }).click();
  await expect(slots.getByRole('listitem')).toHaveCount(12);
  // Sentences name a few pods and count the rest.
  await expect(panel.getByRole('region', { name: 'What just happened to StatefulSet load' })).toContainText(
    /load-0, load-1, load-2, load-3, load-4, load-5, load-6 and 143 more/,
  );
  expect(problems).toEqual([]);
});
