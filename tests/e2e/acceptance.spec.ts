/// <reference lib="dom" />
/**
 * Issue 4's acceptance list, checked the way a person would: against the built site, finding things by
 * role and accessible name, with real clicks and keys. Every action goes through the UI (the inspector's
 * actions, the console); the test reads what the canvas, the comparison panel and the console show.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

test.use({ viewport: { width: 1440, height: 900 } });

/** Collects console errors and page errors; each test asserts there were none. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  return problems;
}

/** No console or page error was logged, and the page shows no error alert (a worker failure). */
async function expectNoProblems(page: Page, problems: string[]) {
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(problems).toEqual([]);
}

const canvas = (page: Page) => page.getByRole('region', { name: 'Cluster' });
const pod = (page: Page, name: string) =>
  canvas(page).getByRole('button', { name: `Pod ${name}`, exact: true });
const claim = (page: Page, name: string) =>
  canvas(page).getByRole('button', { name: `PersistentVolumeClaim ${name}`, exact: true });
/** The edge from a pod to its claim, named by its state (mounted, attaching, waiting, blocked). */
const volumeEdge = (page: Page, podName: string, claimName: string, state = 'mounted') =>
  canvas(page).getByRole('img', { name: `Pod ${podName} uses PersistentVolumeClaim ${claimName}: ${state}` });
const statefulSetPods = (page: Page) => canvas(page).getByRole('button', { name: /^Pod mysql-\d+$/ });
const deploymentPods = (page: Page) =>
  canvas(page).getByRole('button', { name: /^Pod mysql-deploy-[a-z0-9]+-[a-z0-9]{5}$/ });
const consoleInput = (page: Page) => page.getByRole('textbox', { name: 'kubectl command' });
const consoleLog = (page: Page) => page.getByRole('log', { name: 'Console output' });
const panel = (page: Page) => page.getByRole('complementary', { name: 'Deployment vs StatefulSet' });
const inspectorTab = (page: Page) => page.getByRole('tab', { name: /^Inspector/ });
/** The inspector's heading names the object it shows ("Pod mysql-1"). */
const inspectorHeading = (page: Page) =>
  page.getByRole('region', { name: 'Dock' }).getByRole('heading', { level: 3 });

/** Opens the site and waits until the console takes lines (the scenario is loaded). */
async function open(page: Page, query: string) {
  await page.goto(`./${query}`);
  await expect(page.getByRole('heading', { level: 1, name: 'StatefulSet Playground' })).toBeVisible();
  await expect(consoleInput(page)).toBeEnabled();
  await expect(pod(page, 'mysql-2')).toBeVisible();
}

/** Types a line into the console and waits for its echo. */
async function run(page: Page, line: string) {
  await consoleInput(page).fill(line);
  await consoleInput(page).press('Enter');
  await expect(consoleLog(page)).toContainText(`$ ${line}`);
}

/** Selects an object with the inspector's picker (the dock opens the inspector). */
async function inspect(page: Page, label: string) {
  await inspectorTab(page).click();
  await page.getByRole('combobox', { name: 'Inspect object' }).selectOption({ label });
  await expect(inspectorTab(page)).toHaveAttribute('aria-selected', 'true');
  await expect(inspectorHeading(page)).toHaveText(label);
}

async function play(page: Page, speed: string) {
  await page.getByRole('combobox', { name: 'Speed' }).selectOption(speed);
  const button = page.getByRole('button', { name: 'Play', exact: true });
  if (await button.isVisible()) await button.click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
}

async function pause(page: Page) {
  const button = page.getByRole('button', { name: 'Pause', exact: true });
  if (await button.isVisible()) await button.click();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
}

/** Pod names drawn on the canvas whose accessible name matches `pattern`. */
async function podNames(page: Page, pattern: RegExp): Promise<string[]> {
  const labels = await canvas(page)
    .getByRole('button', { name: pattern })
    .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  return labels.map((label) => label.replace(/^Pod /, '')).sort();
}

/** The node a pod card says it runs on ("..., on node-2, ..."). */
async function nodeOf(card: Locator): Promise<string | null> {
  return /\bon (node-\d+)\b/.exec((await card.textContent()) ?? '')?.[1] ?? null;
}

/** The rectangle of `inner` lies inside the rectangle of `outer`. */
async function isInside(inner: Locator, outer: Locator): Promise<boolean> {
  const a = await inner.boundingBox();
  const b = await outer.boundingBox();
  if (!a || !b) return false;
  return a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
}

/** What the canvas shows of one pod at one instant ('leaving': a card fading out after the pod is gone). */
type PodState = 'absent' | 'not ready' | 'ready' | 'terminating' | 'leaving';

/**
 * Records, in the page, every distinct state the canvas shows of the named pods: a MutationObserver on the
 * canvas notes each pod's card (found by role and accessible name; a card fading out after its pod is gone
 * is aria-hidden, so it counts as absent, or as leaving when `withLeaving`) after every DOM change React makes.
 */
async function recordPodStates(page: Page, names: string[], options: { withLeaving?: boolean } = {}) {
  await page.evaluate(
    ({ podNames, withLeaving }) => {
      const region = document.querySelector('[aria-label="Cluster"]')!;
      const stateOf = (name: string) => {
        const card = region.querySelector(
          `[role="button"][aria-label="Pod ${name}"]:not([aria-hidden="true"])`,
        );
        const text = card?.textContent ?? '';
        if (!card) {
          const leaving = region.querySelector(`[aria-label="Pod ${name}"][aria-hidden="true"]`);
          return withLeaving && leaving ? 'leaving' : 'absent';
        }
        if (text.includes('Terminating')) return 'terminating';
        return text.includes('Running') && text.includes('READY 1/1') ? 'ready' : 'not ready';
      };
      const states: Record<string, string>[] = [];
      const note = () => {
        const state = Object.fromEntries(podNames.map((n) => [n, stateOf(n)]));
        const last = states[states.length - 1];
        if (!last || podNames.some((n) => last[n] !== state[n])) states.push(state);
      };
      note();
      new MutationObserver(note).observe(region, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
        attributeFilter: ['aria-hidden', 'aria-label'],
      });
      (window as unknown as { podStates: Record<string, string>[] }).podStates = states;
    },
    { podNames: names, withLeaving: options.withLeaving ?? false },
  );
}

async function recordedPodStates(page: Page): Promise<Record<string, PodState>[]> {
  return page.evaluate(() => (window as unknown as { podStates: Record<string, PodState>[] }).podStates);
}

test('the default scenario draws 4 nodes in 2 zones, mysql-0..2 with their claims, 3 Deployment pods and both Services', async ({
  page,
}) => {
  const problems = watchProblems(page);
  await open(page, '?paused=1');

  const zones = canvas(page).getByRole('group', { name: /^Zone / });
  await expect(zones).toHaveCount(2);
  const nodes = canvas(page).getByRole('group', { name: /^Node / });
  await expect(nodes).toHaveCount(4);
  const zoneOf: Record<string, string> = {
    'node-1': 'zone-a',
    'node-2': 'zone-a',
    'node-3': 'zone-b',
    'node-4': 'zone-b',
  };
  for (const [node, zone] of Object.entries(zoneOf)) {
    const box = canvas(page).getByRole('group', { name: `Node ${node}`, exact: true });
    await expect(box).toContainText('Ready');
    // Boxes are measured once the canvas has settled (cards scale in and the view fits as they arrive).
    await expect
      .poll(() => isInside(box, canvas(page).getByRole('group', { name: `Zone ${zone}`, exact: true })))
      .toBe(true);
  }

  await expect(statefulSetPods(page)).toHaveCount(3);
  for (const ordinal of [0, 1, 2]) {
    const name = `mysql-${ordinal}`;
    await expect(pod(page, name)).toContainText('Running');
    await expect(pod(page, name)).toContainText('READY 1/1');
    await expect(pod(page, name)).toContainText('StatefulSet');
    await expect(claim(page, `data-${name}`)).toContainText('Bound');
    await expect(volumeEdge(page, name, `data-${name}`)).toBeAttached();
    await expect(
      canvas(page).getByText(`${name}.mysql.default.svc.cluster.local`, { exact: true }),
    ).toBeVisible();
  }
  await expect(canvas(page).getByRole('button', { name: /^PersistentVolumeClaim / })).toHaveCount(3);
  await expect(canvas(page).getByRole('button', { name: /^PersistentVolume pvc-/ })).toHaveCount(3);

  await expect(deploymentPods(page)).toHaveCount(3);
  for (const card of await deploymentPods(page).all()) {
    await expect(card).toContainText('Running');
    await expect(card).toContainText('Deployment');
  }
  // The Deployment's pods use an emptyDir: no claim, no volume edge.
  await expect(
    canvas(page).getByRole('img', { name: /^Pod mysql-deploy-.* uses PersistentVolumeClaim/ }),
  ).toHaveCount(0);

  const headless = canvas(page).getByRole('button', { name: 'Service mysql', exact: true });
  await expect(headless).toContainText('headless');
  await expect(headless).toContainText('clusterIP: None');
  const clusterIP = canvas(page).getByRole('button', { name: 'Service mysql-deploy', exact: true });
  await expect(clusterIP).toContainText(/VIP 10\.\d+\.\d+\.\d+/);
  await expect(
    canvas(page).getByRole('img', { name: /^Service mysql-deploy routes to Pod mysql-deploy-/ }),
  ).toHaveCount(3);

  await run(page, 'kubectl get pods -o wide');
  await expect(consoleLog(page)).toContainText(/mysql-0\s+1\/1\s+Running\s+0\s+\S+\s+10\.244\./);
  await consoleInput(page).blur();
  await page.screenshot({ path: 'docs/screenshots/playground-default.png' });
  await expectNoProblems(page, problems);
});

test('scaling StatefulSet mysql from the inspector: mysql-3 is Ready before mysql-4 exists; down to 2, mysql-4 goes before mysql-3 and all 5 claims stay', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems = watchProblems(page);
  await open(page, '?paused=1');
  await run(page, 'kubectl get pods -l app=mysql -w');
  await recordPodStates(page, ['mysql-3', 'mysql-4']);

  await inspect(page, 'StatefulSet mysql');
  await page.getByRole('spinbutton', { name: 'Replicas' }).fill('5');
  await page.getByRole('button', { name: 'Scale', exact: true }).click();
  await expect(consoleLog(page)).toContainText(
    '$ kubectl scale statefulset mysql --replicas=5\nstatefulset.apps/mysql scaled',
  );
  await play(page, '4');
  await expect(pod(page, 'mysql-4')).toContainText('READY 1/1', { timeout: 60_000 });
  await expect(volumeEdge(page, 'mysql-4', 'data-mysql-4')).toBeAttached();

  const up = await recordedPodStates(page);
  // mysql-3 was drawn on its own, not yet Ready, while mysql-4 did not exist ...
  expect(up.some((s) => s['mysql-3'] === 'not ready' && s['mysql-4'] === 'absent')).toBe(true);
  // ... then Running and Ready, still without mysql-4 ...
  expect(up.some((s) => s['mysql-3'] === 'ready' && s['mysql-4'] === 'absent')).toBe(true);
  // ... and mysql-4 never existed unless mysql-3 was Running and Ready.
  const withMysql4 = up.filter((s) => s['mysql-4'] !== 'absent');
  expect(withMysql4.length).toBeGreaterThan(0);
  expect(withMysql4.every((s) => s['mysql-3'] === 'ready')).toBe(true);
  // kubectl's watch printed mysql-3 Ready before mysql-4's first row.
  const watched = (await consoleLog(page).textContent()) ?? '';
  const mysql3Ready = watched.search(/mysql-3\s+1\/1\s+Running/);
  const mysql4First = watched.search(/mysql-4\s+0\/1\s+Pending/);
  expect(mysql3Ready).toBeGreaterThan(0);
  expect(mysql4First).toBeGreaterThan(mysql3Ready);

  // Down to 2: the action ran in the console, so go back to the inspector, still on StatefulSet mysql.
  await consoleInput(page).press('Control+c');
  await recordPodStates(page, ['mysql-2', 'mysql-3', 'mysql-4']);
  await inspectorTab(page).click();
  await expect(inspectorHeading(page)).toHaveText('StatefulSet mysql');
  await page.getByRole('spinbutton', { name: 'Replicas' }).fill('2');
  await page.getByRole('button', { name: 'Scale', exact: true }).click();
  await expect(consoleLog(page)).toContainText(
    '$ kubectl scale statefulset mysql --replicas=2\nstatefulset.apps/mysql scaled',
  );
  await expect(pod(page, 'mysql-2')).toHaveCount(0, { timeout: 60_000 });
  await expect(statefulSetPods(page)).toHaveCount(2);
  await expect(pod(page, 'mysql-1')).toContainText('READY 1/1');

  // Highest ordinal first, one at a time: a moment with mysql-4 gone and mysql-3 still there (and mysql-3
  // gone while mysql-2 stays), never the other way round; none terminates while a higher one exists.
  const down = await recordedPodStates(page);
  const order: [string, string][] = [
    ['mysql-4', 'mysql-3'],
    ['mysql-3', 'mysql-2'],
  ];
  for (const [higher, lower] of order) {
    expect(down.some((s) => s[higher] === 'absent' && s[lower] !== 'absent')).toBe(true);
    expect(down.some((s) => s[lower] === 'absent' && s[higher] !== 'absent')).toBe(false);
    expect(down.filter((s) => s[lower] === 'terminating').every((s) => s[higher] === 'absent')).toBe(true);
  }

  // Scaling down keeps every claim (persistentVolumeClaimRetentionPolicy whenScaled: Retain).
  for (const ordinal of [0, 1, 2, 3, 4])
    await expect(claim(page, `data-mysql-${ordinal}`)).toContainText('Bound');
  await expect(canvas(page).getByRole('button', { name: /^PersistentVolumeClaim / })).toHaveCount(5);
  await run(page, 'kubectl get pvc');
  await expect(consoleLog(page)).toContainText(/data-mysql-4\s+Bound/);
  await expectNoProblems(page, problems);
});

test('deleting mysql-1 brings back mysql-1 on data-mysql-1; deleting a Deployment pod brings one with a new name', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const problems = watchProblems(page);
  await open(page, '?speed=4');
  const sts = panel(page).getByRole('region', { name: 'StatefulSet mysql' });
  const deploy = panel(page).getByRole('region', { name: 'Deployment mysql-deploy' });

  // mysql-1, selected on the canvas and deleted with the inspector's action.
  const oldIp = /10\.244\.\d+\.\d+/.exec((await pod(page, 'mysql-1').textContent()) ?? '')?.[0];
  expect(oldIp).toBeTruthy();
  await pod(page, 'mysql-1').click();
  await expect(inspectorHeading(page)).toHaveText('Pod mysql-1');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(consoleLog(page)).toContainText(
    '$ kubectl delete pod mysql-1\npod "mysql-1" deleted from default namespace',
  );
  await expect(sts.getByRole('listitem', { name: 'Slot mysql-1' })).toContainText(
    /mysql-1: .*same name, same DNS name, data-mysql-1 re-attached/,
    { timeout: 30_000 },
  );
  await expect(pod(page, 'mysql-1')).toContainText('READY 1/1', { timeout: 30_000 });
  await expect(pod(page, 'mysql-1')).not.toContainText(oldIp!);
  await expect(volumeEdge(page, 'mysql-1', 'data-mysql-1')).toBeAttached();
  await run(page, "kubectl get pod mysql-1 -o jsonpath='{.spec.volumes[0].persistentVolumeClaim.claimName}'");
  await expect(consoleLog(page)).toContainText(
    "$ kubectl get pod mysql-1 -o jsonpath='{.spec.volumes[0].persistentVolumeClaim.claimName}'\ndata-mysql-1",
  );
  await expect(
    canvas(page).getByText('mysql-1.mysql.default.svc.cluster.local', { exact: true }),
  ).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/playground-after-deleting-mysql-1.png' });

  // A Deployment pod, deleted the same way: its replacement has a new name.
  const before = await podNames(page, /^Pod mysql-deploy-/);
  expect(before).toHaveLength(3);
  const victim = before[0]!;
  await pod(page, victim).click();
  await expect(inspectorHeading(page)).toHaveText(`Pod ${victim}`);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(consoleLog(page)).toContainText(
    `$ kubectl delete pod ${victim}\npod "${victim}" deleted from default namespace`,
  );
  await expect(pod(page, victim)).toHaveCount(0);
  await expect(deploymentPods(page)).toHaveCount(3);
  const after = await podNames(page, /^Pod mysql-deploy-/);
  const newcomers = after.filter((name) => !before.includes(name));
  expect(newcomers).toHaveLength(1);
  await expect(pod(page, newcomers[0]!)).toContainText('READY 1/1', { timeout: 30_000 });
  await expect(
    deploy.getByRole('listitem').filter({ hasText: `${victim} replaced by ${newcomers[0]}` }),
  ).toContainText(/new name, .*new IP .*emptyDir data lost/);
  await expectNoProblems(page, problems);
});

test('draining a node moves its pods, and the comparison panel tells same name and volume from new name and data lost', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const problems = watchProblems(page);
  await open(page, '?speed=4');

  // The node that runs a StatefulSet pod and a Deployment pod.
  const stsOn = new Map<string, string>();
  for (const name of await podNames(page, /^Pod mysql-\d+$/))
    stsOn.set((await nodeOf(pod(page, name)))!, name);
  let drained: string | undefined;
  let deployPod: string | undefined;
  for (const name of await podNames(page, /^Pod mysql-deploy-/)) {
    const node = (await nodeOf(pod(page, name)))!;
    if (stsOn.has(node) && !drained) [drained, deployPod] = [node, name];
  }
  expect(drained).toBeDefined();
  const stsPod = stsOn.get(drained!)!;

  // Select the node on the canvas (its header) and drain it from the inspector.
  const nodeBox = canvas(page).getByRole('group', { name: `Node ${drained}`, exact: true });
  await nodeBox.click({ position: { x: 30, y: 10 } });
  await expect(inspectorHeading(page)).toHaveText(`Node ${drained}`);
  await page.getByRole('button', { name: 'Drain', exact: true }).click();
  const drain = `kubectl drain ${drained} --ignore-daemonsets --delete-emptydir-data`;
  await expect(consoleLog(page)).toContainText(`$ ${drain}\nnode/${drained} cordoned`);
  await expect(consoleLog(page)).toContainText(`node/${drained} drained`, { timeout: 30_000 });
  await expect(nodeBox).toContainText('SchedulingDisabled');
  // Both status words stay inside the node's box.
  await expect.poll(() => isInside(nodeBox.getByText('SchedulingDisabled', { exact: true }), nodeBox)).toBe(true);

  // The StatefulSet pod is back under its own name on another node, on its own claim.
  await expect(pod(page, stsPod)).toContainText('READY 1/1', { timeout: 30_000 });
  const movedTo = await nodeOf(pod(page, stsPod));
  expect(movedTo).not.toBe(drained);
  await expect(volumeEdge(page, stsPod, `data-${stsPod}`)).toBeAttached();
  // The Deployment pod is gone; a new name took its place elsewhere.
  await expect(pod(page, deployPod!)).toHaveCount(0);
  await expect(deploymentPods(page)).toHaveCount(3);
  for (const name of await podNames(page, /^Pod mysql-/))
    expect(await nodeOf(pod(page, name))).not.toBe(drained);

  const sts = panel(page).getByRole('region', { name: 'StatefulSet mysql' });
  await expect(sts.getByRole('listitem', { name: `Slot ${stsPod}` })).toContainText(
    `${stsPod}: ${drained} -> ${movedTo}`,
  );
  await expect(sts.getByRole('listitem', { name: `Slot ${stsPod}` })).toContainText(
    `same name, same DNS name, data-${stsPod} re-attached`,
  );
  const deploy = panel(page).getByRole('region', { name: 'Deployment mysql-deploy' });
  const replaced = deploy.getByRole('listitem').filter({ hasText: `${deployPod} replaced by mysql-deploy-` });
  await expect(replaced).toContainText(/new name, .*emptyDir data lost/);
  const scorecard = panel(page).getByRole('table', { name: 'Scorecard since the start' });
  await expect(scorecard.getByRole('row', { name: /Names changed/ })).toContainText('1 of 1');
  await expect(scorecard.getByRole('row', { name: /Names changed/ })).toContainText('0 of 1');
  await expect(scorecard.getByRole('row', { name: /Volumes re-attached/ })).toContainText('1 of 1');
  // Long names (a PV's) wrap inside the panel: nothing is cut off at its right edge.
  const body = panel(page).getByRole('group', { name: 'Deployment vs StatefulSet' });
  expect(await body.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'docs/screenshots/playground-after-draining-a-node.png' });
  await expectNoProblems(page, problems);
});

test('keyboard only: Tab to the canvas, arrows to a pod, Enter to inspect, Tab to Delete, type kubectl, Space plays and pauses', async ({
  page,
}) => {
  const problems = watchProblems(page);
  await open(page, '?paused=1');
  const focusedLabel = () =>
    page.evaluate(
      () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName ?? '',
    );

  // Tab from the top of the page until the canvas has focus.
  let label = '';
  for (let i = 0; i < 40 && !/^(Service|Zone|Node|Pod) /.test(label); i++) {
    await page.keyboard.press('Tab');
    label = await focusedLabel();
  }
  expect(label).toBe('Service mysql');
  // Arrows down to a StatefulSet pod.
  for (let i = 0; i < 8 && !/^Pod mysql-\d+$/.test(label); i++) {
    await page.keyboard.press('ArrowDown');
    label = await focusedLabel();
  }
  expect(label).toMatch(/^Pod mysql-\d+$/);
  const name = label.replace(/^Pod /, '');
  await expect(pod(page, name)).toBeFocused();

  // Space on a canvas object selects it and does not also start the simulation.
  await page.keyboard.press('ArrowUp');
  const nodeLabel = await focusedLabel();
  expect(nodeLabel).toMatch(/^Node node-\d$/);
  await page.keyboard.press('Space');
  await expect(page.getByText(`Selected ${nodeLabel}`, { exact: true })).toBeAttached();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(pod(page, name)).toBeFocused();

  // Enter inspects: the inspector opens and takes focus; Escape comes back to the canvas.
  await page.keyboard.press('Enter');
  await expect(inspectorHeading(page)).toHaveText(`Pod ${name}`);
  await expect(inspectorHeading(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(pod(page, name)).toBeFocused();
  await expect(page.getByText(`Selected Pod ${name}`, { exact: true })).not.toBeAttached();

  await page.keyboard.press('Enter');
  await expect(inspectorHeading(page)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Delete', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(consoleLog(page)).toContainText(
    `$ kubectl delete pod ${name}\npod "${name}" deleted from default namespace`,
  );

  // The console has focus for the next line.
  await expect(consoleInput(page)).toBeFocused();
  await page.keyboard.type('kubectl get pods');
  await page.keyboard.press('Enter');
  await expect(consoleLog(page)).toContainText(/\$ kubectl get pods\nNAME\s+READY\s+STATUS/);
  await expect(consoleLog(page)).toContainText(new RegExp(`${name}\\s+0/1\\s+(Pending|ContainerCreating)`));

  // Space types a space in the console; out of it (on the console output), Space plays and pauses.
  await page.keyboard.press('Shift+Tab');
  await expect(consoleLog(page)).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect(pod(page, name)).toContainText('READY 1/1', { timeout: 30_000 });
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expectNoProblems(page, problems);
});

/** Serious and critical axe violations, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Colours mid-transition (a theme switch) are not what anyone reads: wait for transitions to end.
  await expect.poll(() => page.evaluate(() => document.getAnimations().length)).toBe(0);
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('; ')}`,
    );
}

test('axe finds no serious or critical violations in the light and dark themes', async ({ page }) => {
  const problems = watchProblems(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await open(page, '?paused=1');
  const themeToggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(themeToggle).toHaveAttribute('aria-pressed', 'false');
  expect(await seriousViolations(page)).toEqual([]);

  // With a pod in the inspector, and the Events tab.
  await pod(page, 'mysql-0').click();
  await expect(inspectorHeading(page)).toHaveText('Pod mysql-0');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('tab', { name: 'Events', exact: true }).first().click();
  await expect(page.getByRole('table', { name: 'Events', exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('tab', { name: 'Console', exact: true }).click();

  await themeToggle.click();
  await expect(themeToggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await seriousViolations(page)).toEqual([]);
  await inspectorTab(page).click();
  await expect(inspectorHeading(page)).toHaveText('Pod mysql-0');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('tab', { name: 'Console', exact: true }).click();
  await run(page, 'kubectl get statefulset,deployment,pvc');
  await expect(consoleLog(page)).toContainText(/statefulset\.apps\/mysql\s+3\/3/);
  expect(await seriousViolations(page)).toEqual([]);
  await consoleInput(page).blur();
  await page.screenshot({ path: 'docs/screenshots/playground-dark.png' });
  await expectNoProblems(page, problems);
});

/** The computed opacity, transform and animation names of a card's drawn box (the node's first child). */
function drawnStyle(card: Locator) {
  return card.evaluate((el) => {
    const box = el.querySelector('.pod-card') ?? el.firstElementChild!;
    const style = getComputedStyle(box);
    return { opacity: style.opacity, transform: style.transform, animation: style.animationName };
  });
}

test('under prefers-reduced-motion, changes are instant and what changed is briefly highlighted', async ({
  page,
}) => {
  const problems = watchProblems(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page, '?paused=1');
  // The canvas is busy drawing its starting picture for a moment; that picture is not a change.
  await expect(canvas(page).locator('.canvas')).toHaveAttribute('aria-busy', 'false');
  expect((await drawnStyle(pod(page, 'mysql-0'))).animation).toBe('none');

  await run(page, 'kubectl scale statefulset mysql --replicas=4');
  await expect(pod(page, 'mysql-3')).toBeVisible();
  // Arrived at once: full opacity, no scale, and a highlight ring instead of motion.
  const arrived = await drawnStyle(pod(page, 'mysql-3'));
  expect(arrived.opacity).toBe('1');
  expect(arrived.transform).toBe('none');
  expect(arrived.animation).toBe('canvas-highlight');
  // The highlight is brief: it ends on its own.
  await expect
    .poll(() => pod(page, 'mysql-3').evaluate((el) => el.firstElementChild!.getAnimations().length), {
      timeout: 5_000,
    })
    .toBe(0);
  expect((await drawnStyle(pod(page, 'mysql-3'))).animation).toBe('canvas-highlight');

  // A status word that changes is highlighted too, without moving.
  await play(page, '1');
  const status = pod(page, 'mysql-3').getByText('ContainerCreating', { exact: true });
  await expect(status).toBeVisible({ timeout: 20_000 });
  const word = await status.evaluate((el) => {
    const style = getComputedStyle(el);
    return { animation: style.animationName, transform: style.transform, opacity: style.opacity };
  });
  expect(word).toEqual({ animation: 'canvas-highlight-word', transform: 'none', opacity: '1' });
  await pause(page);

  // A deleted pod leaves at once: no fading copy stays behind.
  const victim = (await podNames(page, /^Pod mysql-deploy-/))[0]!;
  await recordPodStates(page, [victim], { withLeaving: true });
  await run(page, `kubectl delete pod ${victim} --grace-period=0 --force`);
  await expect(pod(page, victim)).toHaveCount(0);
  await expect(canvas(page).locator(`[aria-label="Pod ${victim}"]`)).toHaveCount(0);
  expect((await recordedPodStates(page)).map((s) => s[victim])).not.toContain('leaving');
  await expectNoProblems(page, problems);
});

test('with motion allowed, objects fade in and get no highlight ring', async ({ page }) => {
  const problems = watchProblems(page);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await open(page, '?paused=1');
  await expect(canvas(page).locator('.canvas')).toHaveAttribute('aria-busy', 'false');
  await run(page, 'kubectl scale statefulset mysql --replicas=4');
  await expect(pod(page, 'mysql-3')).toBeVisible();
  expect((await drawnStyle(pod(page, 'mysql-3'))).animation).toBe('none');
  await expectNoProblems(page, problems);
});
