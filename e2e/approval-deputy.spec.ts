import { expect, test } from '@playwright/test';
import { deputyStory, endDeputy } from './support/deputy-story';
import { api, apiLogin } from './support/proof-http';
import { appServer } from './support/server';

// 代理 (issue 16, item 3). It changes where 陈老师's new tasks go: it runs alone (playwright.config
// EXCLUSIVE) and ends the setting however it finishes.
test.setTimeout(240_000);

let base: string;
test.beforeAll(async () => {
  base = appServer().base;
  await endDeputy(base);
});
test.afterAll(async () => endDeputy(base));

test('陈老师 away: her application goes to 何老师, the timeline says 由 何老师 代理 陈老师', async ({ browser }, info) => {
  await deputyStory(browser, base, info, async (page, name) => {
    // Desktop at 1366×900 and the same page at 360×740: the pictures are looked at.
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.screenshot({ path: info.outputPath(`${name}-1366.png`), fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: info.outputPath(`${name}-360.png`), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

test('refused in Chinese, English on request, and nothing is set: oneself, another college, no chain', async () => {
  const chen = await apiLogin(base, 'counselor');
  const { now } = (await api<{ now: string }>(base, null, 'GET', '/api/test/clock')).body;
  const today = new Date(Date.parse(now) + 8 * 3_600_000).toISOString().slice(0, 10);
  const body = (deputy: string) => ({ deputy, startsOn: today, endsOn: today });
  const self = await api<{ error: { message: string } }>(base, chen, 'PUT', '/api/v1/me/out-of-office', body('counselor'));
  expect([400, 422]).toContain(self.status);
  expect(self.body.error.message).toBe('不能指定自己为代理人');
  const other = await api<{ error: { message: string } }>(base, chen, 'PUT', '/api/v1/me/out-of-office', body('counselor2'), { 'accept-language': 'en' });
  expect(other.status).toBe(403);
  expect(other.body.error.message).toMatch(/may not handle your approval steps/);
  expect((await api<{ current: unknown }>(base, chen, 'GET', '/api/v1/me/out-of-office')).body.current).toBeNull();
  // A student has no approval role: the area is closed to them.
  expect((await api(base, await apiLogin(base, 'student'), 'GET', '/api/v1/me/out-of-office')).status).toBe(403);
});
