import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { clock, runLine, watchProblems } from './support/share';
import { startStaticServer } from './support/staticServer';
import type { StaticServer } from './support/staticServer';

/**
 * The built site under a strict Content-Security-Policy: no eval, no inline script, same-origin workers
 * and styles from files only. A tiny static server sends the header; the page records every
 * `securitypolicyviolation` and every request must stay on the page's origin.
 */
const DIST = process.env.E2E_DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url));
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
].join('; ');

let server: StaticServer;
test.beforeAll(async () => {
  server = await startStaticServer({ root: DIST, headers: { 'content-security-policy': CSP } });
});
test.afterAll(() => server.close());

async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
}

function watchOrigins(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:')
      foreign.push(request.url());
  });
  return foreign;
}

test('the built HTML has no inline script and the bundles no eval', () => {
  for (const page of ['index.html', 'embed.html']) {
    const html = readFileSync(join(DIST, page), 'utf8');
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/\ssrc="/);
    expect(html).not.toMatch(/<script\b[^>]*>[^<\s]/);
    expect(html).not.toMatch(/\son[a-z]+="/);
  }
  const files = [
    ...readdirSync(join(DIST, 'assets')).map((f) => join(DIST, 'assets', f)),
    ...readdirSync(DIST).map((f) => join(DIST, f)),
  ].filter((f) => f.endsWith('.js'));
  for (const file of files) expect(readFileSync(file, 'utf8')).not.toMatch(/\beval\(|new Function\(/);
});

for (const [name, path] of [
  ['the playground', '/?scenario=compare&seed=1&paused=1'],
  ['presenter mode', '/?scenario=compare&seed=1&paused=1&presenter=1'],
  [
    'embed mode with panel, console and a script',
    '/embed.html?scenario=compare&paused=1&panel=1&console=1&script=kubectl%20get%20pods',
  ],
] as const) {
  test(`${name} runs under a strict CSP with no violation and no request off its origin`, async ({
    page,
  }) => {
    const problems = watchProblems(page);
    await recordViolations(page);
    const foreign = watchOrigins(page, server.origin);
    await page.goto(server.origin + path);
    await expect(clock(page)).toHaveText('00:01:00');
    await expect(
      page.getByRole('region', { name: 'Cluster' }).getByRole('button', { name: 'Pod mysql-0' }),
    ).toBeVisible();
    // Run the simulator (the worker) and draw a change.
    await runLine(page, 'kubectl delete pod mysql-1 --wait=false');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(
      page.getByRole('region', { name: 'Cluster' }).getByRole('button', { name: 'Pod mysql-1' }),
    ).toBeVisible();
    if (path.startsWith('/?') && !path.includes('presenter')) {
      // Open the lazily loaded parts too, and let the service worker register.
      await page.getByRole('button', { name: 'Share' }).click();
      await expect(page.getByRole('button', { name: 'Copy embed code' })).toBeVisible();
      await page.evaluate(() => navigator.serviceWorker?.ready);
    }
    const violations = await page.evaluate(
      () => (window as unknown as { __violations: string[] }).__violations,
    );
    expect(violations).toEqual([]);
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  });
}

test('the violation listener does catch what the policy forbids (the check above can fail)', async ({
  page,
}) => {
  await recordViolations(page);
  await page.goto(server.origin + '/?scenario=empty&paused=1');
  await expect(clock(page)).toHaveText('00:00:00');
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'body { color: red }';
    document.head.append(style);
  });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations.join()))
    .toContain('style-src');
});
