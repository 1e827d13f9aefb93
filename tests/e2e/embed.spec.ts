import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { watchProblems } from './support/share';
import { startStaticServer } from './support/staticServer';
import type { StaticServer } from './support/staticServer';

/**
 * The example pages of docs/embedding.md (tests/e2e/fixtures/embed/) are served by a small static server of
 * their own (another origin, as a documentation site would be), with PLAYGROUND_URL pointing at the preview
 * server. Each test drives the embeds through postMessage, as the page's own script would.
 */
const FIXTURES = fileURLToPath(new URL('./fixtures/embed/', import.meta.url));

let docs: StaticServer;
let other: StaticServer;
let DOCS = '';
test.beforeAll(async ({ browserName: _ }, info) => {
  const playground = String(info.project.use.baseURL);
  let origin = '';
  // The docs site: the example pages with PLAYGROUND_URL and PAGE_ORIGIN (its own origin, in allow=) filled in.
  docs = await startStaticServer({
    root: FIXTURES,
    transform: (text) =>
      text.replaceAll('PLAYGROUND_URL', playground).replaceAll('PAGE_ORIGIN', encodeURIComponent(origin)),
  });
  origin = DOCS = docs.origin;
  // Another site serving the same page without allow=: it may show the playground but not drive it.
  other = await startStaticServer({
    root: FIXTURES,
    transform: (text) =>
      text.replaceAll('PLAYGROUND_URL', playground).replaceAll('&amp;allow=PAGE_ORIGIN', ''),
  });
});
test.afterAll(async () => {
  await docs.close();
  await other.close();
});

/** Records every message the embeds post to the host page (in window.__messages), from the first. */
async function recordMessages(page: Page) {
  await page.addInitScript(() => {
    if (window.top !== window) return;
    const w = window as unknown as { __messages: unknown[] };
    w.__messages = [];
    window.addEventListener('message', (e) => w.__messages.push(e.data));
  });
}

interface Message {
  type: string;
  embedId?: string | null;
  requestId?: string | null;
  code?: string;
  message?: string;
  text?: string;
  scenario?: string;
  time?: number;
  pods?: { name: string; status: string; ready: boolean; workload: string | null }[];
}

const messages = (page: Page) =>
  page.evaluate(() => (window as unknown as { __messages: Message[] }).__messages);

/** The newest state message (of one embed, when several carry ids). */
async function lastState(page: Page, embedId?: string): Promise<Message | undefined> {
  return (await messages(page))
    .filter((m) => m.type === 'playground.state' && (embedId === undefined || m.embedId === embedId))
    .at(-1);
}

/** Posts `message` to the iframe matching `selector`, targeting the playground's origin. */
async function post(page: Page, selector: string, message: unknown) {
  await page.evaluate(
    ([sel, msg]) => {
      const frame = document.querySelector<HTMLIFrameElement>(sel as string)!;
      frame.contentWindow!.postMessage(msg, new URL(frame.src).origin);
    },
    [selector, message] as const,
  );
}

const podStatus = async (page: Page, name: string, embedId?: string) =>
  (await lastState(page, embedId))?.pods?.find((p) => p.name === name)?.status ?? 'gone';

test('plain HTML: two independent embeds, driven through postMessage', async ({ page }) => {
  const problems = watchProblems(page);
  await recordMessages(page);
  await page.goto(`${DOCS}/plain.html`);
  await expect
    .poll(async () =>
      (await messages(page))
        .filter((m) => m.type === 'playground.ready')
        .map((m) => m.embedId)
        .sort(),
    )
    .toEqual(['basics', 'compare']);

  // The host page's button sends a command; its status line reads the state the embed sends back.
  await page.getByRole('button', { name: 'Delete mysql-1' }).click();
  await expect(page.locator('#status')).toHaveText('mysql-1: Terminating');
  await expect
    .poll(async () => (await messages(page)).find((m) => m.requestId === 'delete-1')?.text)
    .toContain('pod "mysql-1" deleted');

  // The other embed is untouched: its own scenario, its own script.
  expect((await lastState(page, 'basics'))?.pods).toEqual([]);
  const basics = page.frameLocator('iframe#basics');
  await expect(basics.getByText('Step 0 of 2')).toBeVisible();
  await basics.getByRole('button', { name: 'Next step' }).click();
  await expect(basics.getByText('Step 1 of 2')).toBeVisible();
  await expect
    .poll(async () => (await lastState(page, 'basics'))?.pods?.map((p) => p.workload))
    .toContain('Deployment/web');
  expect((await lastState(page, 'compare'))?.pods?.some((p) => p.workload === 'Deployment/web')).toBe(false);

  // play, pause, step, seek, getState.
  await post(page, 'iframe#compare', { type: 'playground.step' });
  // Wait for the step's own state, so the seek below is not confused with the state before the step.
  await expect.poll(async () => (await lastState(page, 'compare'))?.time ?? 0).toBeGreaterThan(60_000);
  await post(page, 'iframe#compare', { type: 'playground.getState', id: 'g1' });
  await post(page, 'iframe#compare', { type: 'playground.seek', time: 60_000 });
  await expect.poll(async () => (await lastState(page, 'compare'))?.time).toBe(60_000);
  // At 60 s, before the delete that was sent at that instant, mysql-1 runs.
  await expect.poll(() => podStatus(page, 'mysql-1', 'compare')).toBe('Running');
  await post(page, 'iframe#compare', { type: 'playground.play' });
  await expect.poll(async () => (await lastState(page, 'compare'))?.time ?? 0).toBeGreaterThan(60_000);
  await post(page, 'iframe#compare', { type: 'playground.pause' });
  await expect(
    page.frameLocator('iframe#compare').getByRole('button', { name: 'Play', exact: true }),
  ).toBeVisible();

  // Each embed fits its iframe: nothing scrolls.
  for (const id of ['compare', 'basics']) {
    const fits = await page
      .frameLocator(`iframe#${id}`)
      .locator('html')
      .evaluate((html) => html.scrollHeight <= window.innerHeight + 1);
    expect(fits).toBe(true);
  }
  expect(problems).toEqual([]);
});

test('malformed and unknown messages get an error message back, and the embed keeps working', async ({
  page,
}) => {
  const problems = watchProblems(page);
  await recordMessages(page);
  await page.goto(`${DOCS}/plain.html`);
  await expect
    .poll(async () =>
      (await messages(page)).some((m) => m.type === 'playground.ready' && m.embedId === 'compare'),
    )
    .toBe(true);
  for (const bad of [
    'hello',
    42,
    null,
    [],
    {},
    { type: 'playground.fly', id: 'f' },
    { type: 'playground.command' },
    { type: 'playground.seek', time: -5 },
    { type: 'playground.loadScenario', scenario: 'no-such' },
  ]) {
    await post(page, 'iframe#compare', bad);
  }
  await expect
    .poll(
      async () =>
        (await messages(page)).filter((m) => m.type === 'playground.error' && m.embedId === 'compare').length,
    )
    .toBe(9);
  const errors = (await messages(page)).filter((m) => m.type === 'playground.error');
  expect(errors.find((m) => m.requestId === 'f')).toMatchObject({ code: 'unknownType' });
  expect(errors.at(-1)?.message).toContain('unknown scenario "no-such"');
  await post(page, 'iframe#compare', { type: 'playground.loadScenario', scenario: 'empty', seed: 2 });
  await expect.poll(async () => (await lastState(page, 'compare'))?.scenario).toBe('empty');
  expect(problems).toEqual([]);
});

test('an origin not on the allow list is ignored', async ({ page }) => {
  const problems = watchProblems(page);
  await recordMessages(page);
  await page.goto(`${other.origin}/plain.html`);
  const frame = page.frameLocator('iframe#compare');
  await expect(frame.getByRole('button', { name: 'Pod mysql-1' })).toBeVisible();
  await post(page, 'iframe#compare', {
    type: 'playground.command',
    line: 'kubectl delete pod mysql-1 --wait=false',
  });
  await post(page, 'iframe#compare', { type: 'playground.getState' });
  await post(page, 'iframe#compare', 'junk');
  // A negative: give the embed time to (wrongly) act, then check it did not.
  await page.waitForTimeout(1500);
  expect(await messages(page)).toEqual([]);
  await expect(frame.getByRole('button', { name: 'Pod mysql-1' })).toContainText('Running');
  expect(problems).toEqual([]);
});

test('MDX (Docusaurus): step through the script with "Next step", with the comparison panel', async ({
  page,
}) => {
  const problems = watchProblems(page);
  await recordMessages(page);
  await page.goto(`${DOCS}/mdx-rendered.html`);
  const embed = page.frameLocator('iframe');
  await expect(
    embed.getByRole('heading', { name: /Deployment vs StatefulSet|Deployment/ }).first(),
  ).toBeVisible();
  await expect(embed.getByText('Step 0 of 2')).toBeVisible();
  await embed.getByRole('button', { name: 'Next step' }).click();
  await expect.poll(() => podStatus(page, 'mysql-1')).toBe('Terminating');
  await embed.getByRole('button', { name: 'Next step' }).click();
  await expect
    .poll(async () =>
      (await messages(page))
        .filter((m) => m.type === 'playground.output')
        .map((m) => m.text)
        .join(''),
    )
    .toContain('$ kubectl get pods -o wide\nNAME');
  await expect(embed.getByRole('button', { name: 'Next step' })).toBeDisabled();
  await post(page, 'iframe', { type: 'playground.command', line: 'kubectl get sts mysql', id: 'sts' });
  await expect
    .poll(async () => (await messages(page)).find((m) => m.requestId === 'sts')?.text)
    .toMatch(/mysql\s+\d\/3/);
  expect(problems).toEqual([]);
});

test('Hugo shortcode: an autoplaying script, state read back through postMessage', async ({ page }) => {
  const problems = watchProblems(page);
  await recordMessages(page);
  await page.goto(`${DOCS}/hugo-rendered.html`);
  const embed = page.frameLocator('iframe');
  await expect(embed.getByText('Step 2 of 2')).toBeVisible({ timeout: 20_000 });
  const sts = async () =>
    (await lastState(page))?.pods?.filter((p) => p.workload === 'StatefulSet/mysql') ?? [];
  // OrderedReady: mysql-3 waits until mysql-0 is back and Ready. Step the embed until it is there.
  expect((await sts()).map((p) => p.name)).not.toContain('mysql-3');
  await expect
    .poll(
      async () => {
        await post(page, 'iframe', { type: 'playground.step' });
        return (await sts()).map((p) => `${p.name} ${p.ready}`);
      },
      { timeout: 30_000 },
    )
    .toContain('mysql-3 true');
  expect(problems).toEqual([]);
});

test('embed mode: canvas first, compact bar, optional console; a screenshot for the docs', async ({
  page,
}) => {
  const problems = watchProblems(page);
  await page.setViewportSize({ width: 900, height: 560 });
  await page.goto(
    './embed.html?scenario=compare&seed=1&paused=1&console=1&script=kubectl%20delete%20pod%20mysql-1%20--wait%3Dfalse%0Akubectl%20get%20pods',
  );
  await expect(
    page.getByRole('region', { name: 'Cluster' }).getByRole('button', { name: 'Pod mysql-0' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
  await expect(page.getByRole('slider', { name: 'Timeline' })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'kubectl command' })).toBeVisible();
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(
    page.getByRole('region', { name: 'Cluster' }).getByRole('button', { name: 'Pod mysql-1' }),
  ).toContainText('Terminating');
  expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1)).toBe(
    true,
  );
  await page.screenshot({ path: 'docs/screenshots/embed.png' });
  // ?embed=1 on the main page is the same mode.
  await page.goto('./?embed=1&scenario=empty&paused=1');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
  expect(problems).toEqual([]);
});
