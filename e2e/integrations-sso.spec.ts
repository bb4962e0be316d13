import { expect, test, type BrowserContext, type Page } from '@playwright/test';

import { appServer } from './support/server';

// The identity providers run beside the app (scripts/serve-test.mjs): a real OpenID Provider
// (oidc-provider) on port+5, the CAS and WeChat Work stand-ins on port+6, whose /control/oidc makes
// the provider's next ID token carry a wrong audience, nonce or expiry (re-signed with its key).
let control: string;
let idp: string;
test.beforeAll(() => {
  control = `http://127.0.0.1:${appServer().port + 6}`;
  idp = `http://127.0.0.1:${appServer().port + 5}`;
});

/** From our login page through the provider's login form (when it asks) back to the app. */
async function signInWithOidc(page: Page, username = 'student', { expectForm = true } = {}) {
  await page.goto('/login');
  await page.getByRole('button', { name: '统一身份认证 (OIDC)' }).click();
  if (!expectForm) return;
  await expect(page).toHaveURL(new RegExp(`^${idp}/interaction/`));
  await page.getByLabel('校园账号').fill(username);
  await page.getByLabel('密码').fill('any-password');
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

async function expectRefused(page: Page) {
  await expect(page).toHaveURL(/\/login\?.*error=/);
  await expect(page.locator('.alert.error')).toContainText('统一身份认证登录失败');
  await page.goto('/me');
  await expect(page).toHaveURL(/\/login/);
}

test('OIDC: code with PKCE, state and nonce signs in an existing campus id; 退出登录 ends the provider session too', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const authorize = page.waitForRequest((r) => r.url().startsWith(`${idp}/auth?`));
  await signInWithOidc(page, 'student');
  const sent = new URL((await authorize).url()).searchParams;
  expect(sent.get('code_challenge_method')).toBe('S256');
  expect(sent.get('code_challenge')).toBeTruthy();
  expect(sent.get('state')).toBeTruthy();
  expect(sent.get('nonce')).toBeTruthy();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('header .user')).toHaveText('李明');

  // Our session gone but the provider's kept: signing in again asks for nothing.
  await context.clearCookies({ name: /next-auth\.session-token/ });
  await signInWithOidc(page, 'student', { expectForm: false });
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('header .user')).toHaveText('李明');

  // 退出登录 goes on to the provider's end_session (id_token_hint) and comes back to our login page.
  await page.goto('/me');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(new RegExp(`^${idp}/session/end`));
  await page.getByRole('button', { name: '退出统一身份认证' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/me');
  await expect(page).toHaveURL(/\/login/);
  // The provider's session ended: it asks who signs in.
  await signInWithOidc(page, 'student2');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('header .user')).toHaveText('王芳');
  await context.close();
});

test('OIDC: an ID token for another audience, an expired one, one with a foreign nonce, and a changed state are refused', async ({ browser, request }) => {
  for (const wrong of [{ audience: 'some-other-app' }, { expired: true }, { nonce: 'not-the-one-we-sent' }]) {
    await request.post(`${control}/control/oidc`, { data: wrong });
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await signInWithOidc(page);
    await expectRefused(page);
    await context.close();
  }
  await request.post(`${control}/control/oidc`, { data: {} });

  // A code not yet used, in front of its browser's own cookies: only the state differs.
  const context = await browser.newContext({ locale: 'zh-CN' });
  const callback = new URL(await unusedCallback(context, 'student'));
  callback.searchParams.set('state', 'forged-state');
  const page = await context.newPage();
  await page.goto(callback.toString());
  await expectRefused(page);
  await context.close();
});

test('OIDC: replaying the authorization code, even with the first browser\'s cookies, is refused by the provider', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const callback = await unusedCallback(context, 'student');
  expect(new URL(callback).searchParams.get('code')).toBeTruthy();
  const cookies = (await context.cookies()).filter((c) => c.name.startsWith('next-auth.'));
  const page = await context.newPage();
  await page.goto(callback);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('header .user')).toHaveText('李明');

  // The state, PKCE verifier and nonce cookies as they were: only the code's second use is wrong.
  const thief = await browser.newContext({ locale: 'zh-CN' });
  await thief.addCookies(cookies);
  const replay = await thief.newPage();
  await replay.goto(callback);
  await expectRefused(replay);
  await thief.close();
  await context.close();
});

/**
 * Starts an OIDC sign-in with the context's cookies (next-auth's state, PKCE verifier and nonce
 * cookies land in its jar) and walks the provider's redirects and login form by hand, stopping at
 * the redirect back to the app: the callback address with a code nobody has used yet.
 */
async function unusedCallback(context: BrowserContext, username: string): Promise<string> {
  const { base } = appServer();
  const { csrfToken } = (await (await context.request.get(`${base}/api/auth/csrf`)).json()) as { csrfToken: string };
  const start = await context.request.post(`${base}/api/auth/signin/oidc`, { form: { csrfToken, callbackUrl: '/', json: 'true' } });
  let next = ((await start.json()) as { url: string }).url;
  for (let hop = 0; hop < 10; hop++) {
    if (next.startsWith(`${base}/api/auth/callback/oidc`)) return next;
    const response = next.includes('/interaction/')
      ? await context.request.post(next, { form: { username, password: 'any-password' }, maxRedirects: 0 })
      : await context.request.get(next, { maxRedirects: 0 });
    const location = response.headers()['location'];
    if (!location) {
      // The login form itself: post to it.
      expect(next).toContain('/interaction/');
      continue;
    }
    next = new URL(location, next).toString();
  }
  throw new Error(`no callback after 10 redirects (last: ${next})`);
}

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
