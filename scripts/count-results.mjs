// Prints one line, `N passed, N failed`, from the JSON reports that Vitest and Playwright write under test-results/.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;

const vitestReport = 'test-results/vitest.json';
if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
}

const playwrightReport = 'test-results/playwright.json';
if (existsSync(playwrightReport)) {
  const report = JSON.parse(readFileSync(playwrightReport, 'utf8'));
  const stats = report.stats ?? {};
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
}

console.log(`${passed} passed, ${failed} failed`);
