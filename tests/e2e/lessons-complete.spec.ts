/**
 * Lessons 3, 5, 7, 8, 9 and 10 completed through the UI as a learner would: opened from the Lessons button,
 * every question answered, every command run (with "Run it", or typed into the console), simulated time moved
 * by the lessons' own `sleep` lines, each check waited for until it shows Done, and the lesson Completed.
 * Lessons 1, 2, 4 and 6 are completed in lessons.spec.ts.
 */
import { expect, test } from '@playwright/test';
import { completeLesson, consoleOutput, openPlayground, watchProblems } from './support/lessons';

test('lesson 3 (The headless Service) completed, the first step typed into the console and its busybox shell', async ({ page }) => {
  test.setTimeout(90_000);
  const problems = watchProblems(page);
  await openPlayground(page);
  await completeLesson(page, 'The headless Service', 2, {
    0: {
      choice: 1,
      typed: [
        'kubectl get svc mysql mysql-deploy',
        'kubectl run -i --tty --image busybox:1.28 dns-test --restart=Never --rm',
        'nslookup mysql-0.mysql',
        'nslookup mysql',
        'nslookup mysql-deploy',
        'exit',
      ],
    },
  });
  await expect(consoleOutput(page)).toContainText('mysql-0.mysql.default.svc.cluster.local');
  expect(problems).toEqual([]);
});

test('lesson 5 (Kubernetes does not replicate data) completed through the UI', async ({ page }) => {
  test.setTimeout(90_000);
  const problems = watchProblems(page);
  await openPlayground(page);
  await completeLesson(page, 'Kubernetes does not replicate data', 2);
  await expect(consoleOutput(page)).toContainText("ERROR 1146 (42S02) at line 1: Table 'shop.orders' doesn't exist");
  expect(problems).toEqual([]);
});

test('lesson 7 (Rolling updates) completed through the UI', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchProblems(page);
  await openPlayground(page);
  await completeLesson(page, 'Rolling updates', 5);
  expect(problems).toEqual([]);
});

test('lesson 8 (The PVC retention policy) completed through the UI', async ({ page }) => {
  test.setTimeout(90_000);
  const problems = watchProblems(page);
  await openPlayground(page);
  await completeLesson(page, 'The PVC retention policy', 4);
  expect(problems).toEqual([]);
});

test('lesson 9 (A zone is lost) completed through the UI', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchProblems(page);
  await openPlayground(page);
  await completeLesson(page, 'A zone is lost', 6);
  expect(problems).toEqual([]);
});

test('lesson 10 (The StatefulSet Basics tutorial) completed through the UI', async ({ page }) => {
  test.setTimeout(150_000);
  const problems = watchProblems(page);
  await openPlayground(page);
  await completeLesson(page, 'The StatefulSet Basics tutorial', 12);
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('tutorial-basics');
  expect(problems).toEqual([]);
});
