import { expect, test } from '@playwright/test';

import { appServer } from './support/server';

// The SSO stand-ins run beside the app (scripts/serve-test.mjs): OIDC on port+5, CAS and
// WeChat Work on port+6 (whose /control endpoints choose who the OIDC stand-in signs in).
let control: string;
test.beforeAll(() => {
  control = `http://127.0.0.1:${appServer().port + 6}`;
});

test('sign in through the OIDC stand-in as an existing campus id; a wrong audience is refused', async ({ browser, request }) => {
  await request.post(`${control}/control/oidc`, { data: { username: 'student', name: '李明' } });
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await page.goto('/login');
  await page.getByRole('button', { name: '统一身份认证 (OIDC)' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('header .user')).toHaveText('李明');

  await request.post(`${control}/control/oidc`, { data: { username: 'student', name: '李明', audience: 'some-other-app' } });
  const other = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await other.goto('/login');
  await other.getByRole('button', { name: '统一身份认证 (OIDC)' }).click();
  await expect(other).toHaveURL(/\/login\?.*error=/);
  await expect(other.locator('.alert.error')).toContainText('统一身份认证登录失败');
  await other.goto('/me');
  await expect(other).toHaveURL(/\/login/);
  await request.post(`${control}/control/oidc`, { data: { username: 'student', name: '李明' } });
});

test('sign in through the CAS stand-in provisions a new campus id; replaying the ticket fails', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/login?callbackUrl=%2Fcampus');
  await page.getByRole('link', { name: '统一身份认证 (CAS)' }).click();
  await page.getByLabel('用户名').fill('casnew2026');
  const ticketUrl = page.waitForURL(/\/login\/cas\?/);
  await page.getByRole('button', { name: '登录 CAS' }).click();
  await ticketUrl;
  const returned = page.url();
  await expect(page).toHaveURL(/\/campus$/);
  await expect(page.locator('header .user')).toHaveText('新同学casnew2026');

  const thief = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await thief.goto(returned);
  // The ticket link is bound to the browser that started the login (state cookie): another browser
  // is refused before the ticket is even tried (the ticket's own replay: tests/integrations-sso.test.ts).
  await expect(thief.locator('.alert.error')).toContainText('登录请求已失效');
  await thief.goto('/me');
  await expect(thief).toHaveURL(/\/login/);
});

test('WeChat Work in-app login signs in a member by userid', async ({ browser }) => {
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await page.goto('/login');
  await page.getByRole('link', { name: '企业微信登录' }).click();
  await page.getByLabel('企业微信账号').fill('student2');
  await page.getByRole('button', { name: '确认登录' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('header .user')).toHaveText('王芳');
});
