import { expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { clock, digest, runLine, step, watchProblems } from './support/share';

/** Copies the page's link with the header button and returns it (read from the "Copied" field). */
async function copyLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy link' }).click();
  const field = page.getByRole('status', { name: 'Copied' }).getByRole('textbox', { name: 'Link' });
  await expect(field).toHaveValue(/#v=1&run=/);
  return field.inputValue();
}

/** Opens `url` in a fresh browser context (no saved session, as another person would). */
async function openFresh(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(url);
  return { context, page, problems };
}

test('Copy link: opening the link replays to exactly the same state', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const problems = watchProblems(page);
  await page.goto('./?scenario=compare&seed=5&paused=1');
  await expect(clock(page)).toHaveText('00:01:00');
  await runLine(page, 'kubectl delete pod mysql-1 --wait=false');
  for (let i = 0; i < 3; i++) await step(page);
  await runLine(page, 'kubectl scale deployment mysql-deploy --replicas=4');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('16');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(async () => (await clock(page).textContent()) ?? '').toMatch(/^00:0[2-9]:/);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  const time = await clock(page).textContent();

  const link = await copyLink(page);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  const original = await digest(page);

  const other = await openFresh(browser, link);
  await expect(other.page.getByRole('status', { name: 'Link notice' })).toContainText(
    'Opened a shared run: compare, seed 5',
  );
  await expect(clock(other.page)).toHaveText(time!);
  expect(await digest(other.page)).toBe(original);
  // The address now names the scenario and seed; the run itself lives in the page (and its save).
  await expect(other.page).toHaveURL(/\?scenario=compare&seed=5(&|$)/);
  expect(new URL(other.page.url()).hash).toBe('');
  await expect(other.page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  expect(other.problems).toEqual([]);
  await other.context.close();
  expect(problems).toEqual([]);
});

test('a link made while looking at the past opens at that moment', async ({ page, browser }) => {
  const problems = watchProblems(page);
  const pods = async (p: Page) =>
    (
      await p
        .getByRole('region', { name: 'Cluster' })
        .getByRole('button', { name: /^Pod / })
        .allTextContents()
    ).sort();
  await page.goto('./?scenario=compare&seed=2&paused=1');
  await runLine(page, 'kubectl delete pod mysql-0 --wait=false');
  for (let i = 0; i < 6; i++) await step(page);
  const latest = (await clock(page).textContent())!;
  const slider = page.getByRole('slider', { name: 'Timeline' });
  const max = Number(await slider.getAttribute('max'));
  expect(max).toBeGreaterThan(62_000);
  await slider.fill('62000');
  await expect(page.getByText('Viewing the past')).toBeVisible();
  await expect(clock(page)).toHaveText(/^00:01:0[12]$/);
  const past = (await clock(page).textContent())!;
  expect(past).not.toBe(latest);
  const pastPods = await pods(page);

  const link = await copyLink(page);
  const other = await openFresh(browser, link);
  await expect(clock(other.page)).toHaveText(past);
  await expect(other.page.getByText('Viewing the past')).toBeVisible();
  await expect.poll(() => pods(other.page)).toEqual(pastPods);
  // The rest of the run came along: "Back to latest" shows the same present.
  await other.page.getByRole('button', { name: 'Back to latest' }).click();
  await expect(clock(other.page)).toHaveText(latest);
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Back to latest' }).click();
  await expect(clock(page)).toHaveText(latest);
  await expect.poll(() => pods(other.page)).toEqual(await pods(page));
  expect(other.problems).toEqual([]);
  await other.context.close();
  expect(problems).toEqual([]);
});

test.describe('bad or tampered links start a clean playground with a clear message', () => {
  const cases: [string, string][] = [
    ['#v=1&run=garbage', 'This link could not be opened: the link is damaged'],
    ['#v=1&run=N4IgbiBcCMA0IGcogMYHsC2A', 'This link could not be opened: the link is damaged'],
    ['#v=7&run=abc', 'made by a newer version of the playground (v=7)'],
    ['#v=1', 'the link carries no run'],
    ['#v=1&run=%', 'This link could not be opened'],
  ];
  for (const [hash, words] of cases) {
    test(`${hash}`, async ({ page }) => {
      const problems = watchProblems(page);
      await page.goto(`./?scenario=compare&seed=3&paused=1${hash}`);
      const notice = page.getByRole('alert').filter({ hasText: 'This link could not be opened' });
      await expect(notice).toContainText(words);
      await expect(notice).toContainText('Started a clean playground instead.');
      await expect(clock(page)).toHaveText('00:01:00');
      await expect(
        page.getByRole('region', { name: 'Cluster' }).getByRole('button', { name: 'Pod mysql-0' }),
      ).toBeVisible();
      expect(new URL(page.url()).hash).toBe('');
      await runLine(page, 'kubectl get sts');
      await expect(page.getByLabel('Console output')).toContainText('mysql');
      expect(problems).toEqual([]);
    });
  }
});

test('a workshop link gives every participant the same run', async ({ page, browser }) => {
  const problems = watchProblems(page);
  await page.goto('./?scenario=compare&seed=77&paused=1');
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('button', { name: 'Copy workshop link' }).click();
  const link = await page.getByRole('textbox', { name: 'Workshop link' }).inputValue();
  expect(new URL(link).search).toBe('?scenario=compare&seed=77&paused=1');

  const a = await openFresh(browser, link);
  const b = await openFresh(browser, link);
  for (const p of [a.page, b.page]) {
    await runLine(p, 'kubectl delete pod mysql-2 --wait=false');
    for (let i = 0; i < 3; i++) await step(p);
  }
  await expect(clock(b.page)).toHaveText((await clock(a.page).textContent())!);
  expect(await digest(a.page)).toBe(await digest(b.page));
  expect([...a.problems, ...b.problems, ...problems]).toEqual([]);
  await a.context.close();
  await b.context.close();
});

test('the session survives a reload', async ({ page }) => {
  const problems = watchProblems(page);
  const saved = () => page.evaluate(() => localStorage.getItem('statefulset-playground.session'));
  await page.goto('./?scenario=compare&seed=4&paused=1');
  await expect(clock(page)).toHaveText('00:01:00');
  await expect.poll(saved).toContain('"schema":1');
  await runLine(page, 'kubectl delete pod mysql-1 --wait=false');
  await step(page);
  await step(page);
  const time = await clock(page).textContent();
  const savedBefore = await saved();
  const before = await digest(page);
  // The saver writes within a couple of seconds of the last change.
  await expect.poll(saved, { timeout: 10_000 }).not.toBe(savedBefore);

  await page.reload();
  await expect(page.getByRole('status', { name: 'Link notice' })).toContainText(
    'Restored your session from this browser: compare, seed 4',
  );
  await expect(clock(page)).toHaveText(time!);
  expect(await digest(page)).toBe(before);

  await page.getByRole('button', { name: 'Start afresh' }).click();
  await expect(clock(page)).toHaveText('00:01:00');
  expect(problems).toEqual([]);
});

test('a damaged saved session is dropped with a message, and the page starts clean', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?paused=1');
  await page.evaluate(() =>
    localStorage.setItem('statefulset-playground.session', '{"schema":1,"run":"@@@"}'),
  );
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'saved session' })).toContainText(
    'Your saved session could not be restored',
  );
  await expect(clock(page)).toHaveText('00:01:00');
  expect(problems).toEqual([]);
});

test('presenter mode: a button or ?presenter=1; larger type, chrome hidden, a class for the lessons', async ({
  page,
}) => {
  const problems = watchProblems(page);
  await page.goto('./?scenario=compare&paused=1');
  const toggle = page.getByRole('button', { name: 'Presenter' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const normal = await rootSize();
  await expect(page.getByRole('slider', { name: 'Timeline' })).toBeVisible();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveClass(/\bpresenter\b/);
  expect(await rootSize()).toBeGreaterThan(normal);
  await expect(page.getByRole('slider', { name: 'Timeline' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeHidden();
  await page.screenshot({ path: 'docs/screenshots/presenter.png' });
  await toggle.click();
  await expect(page.locator('html')).not.toHaveClass(/\bpresenter\b/);

  await page.goto('./?scenario=compare&paused=1&presenter=1');
  await expect(page.locator('html')).toHaveClass(/\bpresenter\b/);
  await expect(page.getByRole('button', { name: 'Presenter' })).toHaveAttribute('aria-pressed', 'true');
  expect(problems).toEqual([]);
});
