import { expect, test } from '@playwright/test';
import { runCrashTest } from './support/crash-harness';
import { appServer } from './support/server';

// kill -9 at random moments while four clients drive applications; runs in the PostgreSQL e2e
// projects only (playwright.config.ts), on its own server (port + 10) and database. The bench runs 200 crashes.
test.setTimeout(360_000);

test('20 × kill -9: acknowledged transitions kept once, logs agree, no orphan tasks, timers fire, chains verify', async () => {
  const report = await runCrashTest({ port: appServer().port + 10, crashes: Number(process.env.PROOF_CRASHES || 20), log: (l) => console.log(l) });
  console.log(JSON.stringify({ ...report, problems: report.problems.slice(0, 20) }, null, 2));
  expect(report.acknowledged).toBeGreaterThan(20);
  expect(report.timers).toBeGreaterThan(5);
  expect(report.problems).toEqual([]);
});
