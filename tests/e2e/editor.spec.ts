import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { parseAllDocuments } from 'yaml';

/** Collects console errors and page errors; each test asserts there were none. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  return problems;
}

const BAD_SELECTOR = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  replicas: 2
  selector:
    matchLabels:
      app: app
  template:
    metadata:
      labels:
        app: other
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

async function openEditor(page: Page) {
  await page.goto('./?paused=1');
  await expect(page.getByRole('textbox', { name: 'kubectl command' })).toBeEnabled();
  await page.getByRole('tab', { name: 'YAML' }).click();
  const editor = page.getByRole('textbox', { name: 'Manifest' });
  await expect(editor).toBeVisible();
  return editor;
}

const problems = (page: Page) => page.getByRole('region', { name: 'Problems' });

test('the YAML tab loads a template and checks it against the API server as you type', async ({ page }) => {
  const errors = watchProblems(page);
  const editor = await openEditor(page);
  await expect(editor).toContainText('kind: StatefulSet');
  await expect(problems(page)).toContainText('(none)');
  await expect(problems(page)).toContainText('statefulset.apps/web created (server dry run)');

  // A selector that does not match the template's labels: the API server's words, at the labels line.
  await editor.fill(BAD_SELECTOR);
  const problem = problems(page).getByRole('listitem');
  await expect(problem).toHaveCount(1);
  await expect(problem).toContainText(
    'Line 12: The Deployment "app" is invalid: spec.template.metadata.labels: Invalid value: {"app":"other"}: `selector` does not match template `labels`',
  );
  await expect(page.locator('.cm-lint-marker-error')).toHaveCount(1);
  await problem.getByRole('button', { name: 'Line 12' }).click();
  await expect(page.locator('.cm-activeLine')).toHaveText('      labels:');
  await expect(editor).toBeFocused();
  expect(errors).toEqual([]);
});

test('Apply types kubectl apply into the console, and the canvas shows the new objects', async ({ page }) => {
  const errors = watchProblems(page);
  await openEditor(page);
  await page.getByRole('combobox', { name: 'Template' }).selectOption({ label: 'Deployment + ClusterIP Service' });
  await page.getByRole('button', { name: 'Load template' }).click();
  await expect(page.getByRole('textbox', { name: 'Manifest' })).toContainText('kind: Deployment');

  await page.getByRole('button', { name: 'Dry run' }).click();
  const output = page.getByRole('region', { name: 'Output' });
  await expect(output).toContainText('deployment.apps/app created (server dry run)');
  await expect(page.getByRole('region', { name: 'Cluster' }).getByRole('button', { name: 'Service app', exact: true })).toHaveCount(0);

  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(output).toContainText('service/app created\ndeployment.apps/app created');
  await expect(page.getByRole('region', { name: 'Cluster' }).getByRole('button', { name: 'Service app', exact: true })).toBeVisible();

  // Diff against the live objects: nothing would change now.
  await page.getByRole('button', { name: 'Diff' }).click();
  await expect(output.getByRole('heading')).toContainText('kubectl diff -f -');
  await expect(problems(page)).toContainText('deployment.apps/app unchanged (server dry run)');

  await page.getByRole('tab', { name: 'Console' }).click();
  const log = page.getByRole('log', { name: 'Console output' });
  await expect(log).toContainText('$ kubectl apply -f - <<EOF\n> apiVersion: v1\n> kind: Service');
  await expect(log).toContainText('service/app created');
  expect(errors).toEqual([]);
});

test('Export YAML and Export session download files a real cluster takes', async ({ page }) => {
  const errors = watchProblems(page);
  await openEditor(page);

  const [yamlDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export YAML' }).click()]);
  expect(yamlDownload.suggestedFilename()).toMatch(/^statefulset-playground-compare-seed\d+\.yaml$/);
  const yamlText = await readFile(await yamlDownload.path(), 'utf8');
  const docs = parseAllDocuments(yamlText);
  expect(docs.every((d) => d.errors.length === 0)).toBe(true);
  const objects = docs.map((d) => d.toJS() as { kind: string; metadata: { name: string } }).filter(Boolean);
  expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
    'Service/mysql',
    'Service/mysql-deploy',
    'StatefulSet/mysql',
    'Deployment/mysql-deploy',
  ]);
  expect(yamlText).not.toContain('status:');

  const [scriptDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export session' }).click()]);
  expect(scriptDownload.suggestedFilename()).toMatch(/\.sh$/);
  const script = await readFile(await scriptDownload.path(), 'utf8');
  expect(script.split('\n').slice(0, 1)).toEqual(['#!/usr/bin/env bash']);
  expect(script).toContain('set -euo pipefail');
  expect(script).toContain('kubectl apply -f - <<EOF');
  expect(errors).toEqual([]);
});

test('screenshot of the YAML editor with an error', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const editor = await openEditor(page);
  await editor.fill(BAD_SELECTOR.replace('replicas: 2', 'replicas: -1'));
  await expect(problems(page).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByRole('region', { name: 'Output' })).toContainText('is invalid');
  const separator = page.getByRole('separator', { name: 'Resize the dock' });
  await separator.focus();
  for (let i = 0; i < 8; i++) await separator.press('ArrowUp');
  await problems(page).getByRole('button', { name: 'Line 6' }).click();
  await page.getByRole('region', { name: 'Dock' }).screenshot({ path: 'docs/screenshots/yaml-editor.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  await page.getByRole('region', { name: 'Dock' }).screenshot({ path: 'docs/screenshots/yaml-editor-dark.png' });
});
