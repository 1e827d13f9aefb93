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

async function openPaused(page: Page) {
  await page.goto('./?paused=1');
  await expect(page.getByRole('heading', { level: 1, name: 'StatefulSet Playground' })).toBeVisible();
  // The console takes lines once the scenario is loaded.
  await expect(consoleInput(page)).toBeEnabled();
}

const consoleInput = (page: Page) => page.getByRole('textbox', { name: 'kubectl command' });
const consoleLog = (page: Page) => page.getByRole('log', { name: 'Console output' });

async function run(page: Page, line: string) {
  const input = consoleInput(page);
  await input.fill(line);
  await input.press('Enter');
  await expect(consoleLog(page)).toContainText(`$ ${line}`);
}

test('the console keeps a history, completes with Tab, and answers as kubectl does', async ({ page }) => {
  const problems = watchProblems(page);
  await openPaused(page);
  await run(page, 'kubectl get nodes');
  await expect(consoleLog(page)).toContainText(/node-1\s+Ready/);
  await run(page, 'echo second');
  await expect(consoleLog(page)).toContainText('$ echo second\nsecond');

  const input = consoleInput(page);
  await expect(input).toHaveValue('');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('echo second');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('kubectl get nodes');
  await input.press('ArrowDown');
  await expect(input).toHaveValue('echo second');

  await input.fill('kubectl get po');
  await input.press('Tab');
  await expect(input).toHaveValue('kubectl get pods ');
  await expect(input).toBeFocused();
  await input.press('Enter');
  await expect(consoleLog(page)).toContainText(/\$ kubectl get pods \nNAME\s+READY\s+STATUS/);

  // A pod shell prompts with its own prompt; Ctrl+C leaves it.
  await run(page, 'kubectl exec -it mysql-0 -- sh');
  await input.fill('echo inside > /tmp/x');
  await input.press('Enter');
  await expect(consoleLog(page)).toContainText('# echo inside > /tmp/x');
  await input.press('Control+c');
  await expect(consoleLog(page)).toContainText('# ^C');
  await run(page, 'echo back on the host');

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied the console output.' })).toBeVisible();
  const copied = await page.evaluate<string>('navigator.clipboard.readText()');
  expect(copied).toMatch(/^\$ kubectl get nodes\nNAME +STATUS/);
  expect(copied).toContain('$ echo back on the host\nback on the host\n');

  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(consoleLog(page)).toHaveText('');
  expect(problems).toEqual([]);
});

test('kubectl get pods -w streams rows while time plays, until Ctrl+C', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?paused=1&speed=8');
  await expect(consoleInput(page)).toBeEnabled();
  await run(page, 'kubectl get pods -w');
  await run(page, 'kubectl scale statefulset mysql --replicas=4');
  await expect(consoleLog(page)).toContainText('statefulset.apps/mysql scaled');
  await page.getByRole('button', { name: /^Play/ }).click();
  await expect(consoleLog(page)).toContainText(/mysql-3\s+0\/1\s+Pending/);
  await expect(consoleLog(page)).toContainText(/mysql-3\s+1\/1\s+Running/, { timeout: 20_000 });

  await consoleInput(page).press('Control+c');
  await expect(consoleLog(page)).toContainText('$ ^C');
  await run(page, 'kubectl scale statefulset mysql --replicas=5');
  // mysql-4 comes and runs, but the watch no longer prints it.
  await run(page, 'kubectl wait --for=condition=Ready pod/mysql-4 --timeout=120s');
  await expect(consoleLog(page)).toContainText('pod/mysql-4 condition met');
  await expect(consoleLog(page)).not.toContainText(/^mysql-4\s/m);
  await page.screenshot({ path: 'docs/screenshots/dock-console-watch.png' });
  expect(problems).toEqual([]);
});

test('the Events tab lists events as kubectl get events does', async ({ page }) => {
  const problems = watchProblems(page);
  await openPaused(page);
  const events = page.getByRole('tab', { name: 'Events' });
  await events.click();
  await expect(events).toHaveAttribute('aria-selected', 'true');
  const table = page.getByRole('table', { name: 'Events' });
  await expect(table.getByRole('columnheader')).toHaveText([
    'LAST SEEN',
    'TYPE',
    'REASON',
    'OBJECT',
    'MESSAGE',
  ]);
  const scheduled = table.getByRole('row').filter({ hasText: 'Scheduled' });
  await expect(scheduled.first()).toContainText(
    /Normal\s*Scheduled\s*pod\/mysql-\d\s*Successfully assigned default\/mysql-\d to node-\d/,
  );

  await page.getByRole('searchbox', { name: 'Filter events' }).fill('mysql-deploy');
  await expect(table.getByRole('row').nth(1)).toContainText('mysql-deploy');
  await page.screenshot({ path: 'docs/screenshots/dock-events.png' });
  expect(problems).toEqual([]);
});

test('the inspector shows describe output and its actions run real commands', async ({ page }) => {
  const problems = watchProblems(page);
  await openPaused(page);
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await page.getByRole('combobox', { name: 'Inspect object' }).selectOption({ label: 'Pod mysql-0' });
  await expect(page.getByRole('tab', { name: /Inspector/ })).toHaveAttribute('aria-selected', 'true');
  const describe = page.getByLabel('kubectl describe output');
  await expect(describe).toContainText(/^Name:\s+mysql-0\nNamespace:\s+default/);
  await expect(describe).toContainText(/ClaimName:\s+data-mysql-0/);

  await page.getByRole('tablist', { name: 'Inspector views' }).getByRole('tab', { name: 'YAML' }).click();
  await expect(page.getByLabel('kubectl get -o yaml output')).toContainText(/^apiVersion: v1\nkind: Pod\n/);
  await page.getByRole('tab', { name: 'Events' }).last().click();
  await expect(page.getByRole('table', { name: 'Events of Pod mysql-0' })).toContainText('Scheduled');
  await page.screenshot({ path: 'docs/screenshots/dock-inspector.png' });

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Console' })).toHaveAttribute('aria-selected', 'true');
  await expect(consoleLog(page)).toContainText(
    '$ kubectl delete pod mysql-0\npod "mysql-0" deleted from default namespace',
  );
  expect(problems).toEqual([]);
});

test("Write data appends to the pod's volume and the Files view shows it", async ({ page }) => {
  const problems = watchProblems(page);
  await openPaused(page);
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await page.getByRole('combobox', { name: 'Inspect object' }).selectOption({ label: 'Pod mysql-1' });
  await page.getByRole('textbox', { name: 'Text to write' }).fill('row one');
  await page.getByRole('button', { name: 'Write data' }).click();
  await expect(consoleLog(page)).toContainText(
    "$ kubectl exec mysql-1 -- sh -c 'echo row one >> /var/lib/mysql/notes.txt'",
  );
  await page.getByRole('tab', { name: /Inspector/ }).click();
  await page.getByRole('tab', { name: 'Files' }).click();
  await expect(page.getByLabel('Contents of /var/lib/mysql/notes.txt')).toHaveText('row one\n');
  await expect(page.getByRole('tabpanel', { name: 'Files' })).toContainText('data-mysql-1');
  await page.screenshot({ path: 'docs/screenshots/dock-inspector-files.png' });
  expect(problems).toEqual([]);
});

test('tabs move with the arrow keys and the separator resizes the dock by keyboard', async ({ page }) => {
  const problems = watchProblems(page);
  await openPaused(page);
  const consoleTab = page.getByRole('tab', { name: 'Console' });
  await consoleTab.focus();
  await consoleTab.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Events' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Events' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /Inspector/ })).toHaveAttribute('aria-selected', 'true');
  // End goes to the last tab (the YAML editor's).
  await page.keyboard.press('End');
  await expect(page.getByRole('tablist', { name: 'Dock' }).getByRole('tab').last()).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('Home');
  await expect(consoleTab).toHaveAttribute('aria-selected', 'true');

  const separator = page.getByRole('separator', { name: 'Resize the dock' });
  const before = Number(await separator.getAttribute('aria-valuenow'));
  const dock = page.getByRole('region', { name: 'Dock' });
  const heightBefore = (await dock.boundingBox())?.height ?? 0;
  await separator.focus();
  await separator.press('ArrowUp');
  await expect(separator).toHaveAttribute('aria-valuenow', String(before + 24));
  await expect
    .poll(async () => Math.round((await dock.boundingBox())?.height ?? 0))
    .toBe(Math.round(heightBefore + 24));
  await separator.press('End');
  await expect(separator).toHaveAttribute('aria-valuenow', '120');
  expect(problems).toEqual([]);
});
