import { expect, request as playwrightRequest, test } from '@playwright/test';
import { apiLogin } from './support/api';
import { appServer } from './support/server';

// Issue 15 (attacks on a running server). The e2e servers trust loopback as a reverse proxy
// (scripts/serve-test.mjs TRUSTED_PROXIES), so X-Forwarded-For here stands for distinct clients.

test.describe('security: limits, sign-in and crafted input', () => {
  test('10 wrong passwords for admin from 10 addresses do not lock admin out (item 5)', async ({ baseURL }) => {
    const api = await playwrightRequest.newContext({ baseURL });
    for (let i = 0; i < 10; i++) {
      const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
      const res = await api.post('/api/auth/callback/credentials', {
        form: { csrfToken, username: 'admin', password: `wrong-${i}`, json: 'true' },
        headers: { 'x-forwarded-for': `203.0.113.${100 + i}` },
        maxRedirects: 0,
      });
      expect(res.status()).toBeLessThan(500);
    }
    await apiLogin(baseURL!, 'admin', { 'x-forwarded-for': '198.51.100.200' });
  });

  test('the peer stamp cannot be forged: distinct forwarded clients get their own buckets (item 6)', async ({ baseURL }) => {
    const api = await playwrightRequest.newContext({ baseURL });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await api.post('/api/v1/mailbox/lookup', {
        data: { code: `WRONG-${i}`, contact: '' },
        // A forged peer header would make every request come from 8.8.8.8 (not a trusted proxy): one bucket.
        headers: { 'x-forwarded-for': `10.88.${i}.1`, 'x-zijing-peer': '8.8.8.8' },
      });
      statuses.push(res.status());
    }
    expect(statuses).toEqual(Array(12).fill(404));
  });

  test('capability links come from PUBLIC_URL, never X-Forwarded-Host (item 12)', async ({ baseURL }) => {
    const api = await playwrightRequest.newContext({ baseURL });
    const res = await api.post('/api/v1/mailbox/letters', {
      data: { letter: { category: 'suggestion', subject: '主机头', content: '测试', anonymous: true, consentPublish: false } },
      headers: { 'x-forwarded-host': 'evil.example', host: 'evil.example', 'x-forwarded-for': '10.89.0.1' },
    });
    expect(res.status()).toBe(201);
    const { trackingUrl } = (await res.json()) as { trackingUrl: string };
    expect(trackingUrl.startsWith(`${baseURL}/mailbox/track/`)).toBe(true);
  });

  test('open redirects: callbackUrl spellings that leave the site go home; a newline is no 500 (items 10, 17)', async ({ baseURL }) => {
    const student = await apiLogin(baseURL!, 'student');
    for (const cb of ['/\t/127.0.0.1:9999/x', '/\\127.0.0.1:9999/', '//127.0.0.1:9999/', '/%09/127.0.0.1:9999/', '/a\nb']) {
      const res = await student.get(`/login?callbackUrl=${encodeURIComponent(cb)}`, { maxRedirects: 0 });
      expect(res.status(), cb).toBeLessThan(500);
      const location = res.headers()['location'] ?? '';
      if (location) expect(new URL(location, baseURL).origin, `${cb} → ${location}`).toBe(new URL(baseURL!).origin);
    }
    const anonymous = await playwrightRequest.newContext({ baseURL });
    const page = await anonymous.get(`/login?callbackUrl=${encodeURIComponent('/\t/127.0.0.1:9999/x')}`);
    expect(page.status()).toBe(200);
    expect(await page.text()).not.toContain('127.0.0.1:9999');
    expect((await anonymous.get('/login?callbackUrl=%2Fa%0Ab')).status()).toBe(200);
  });

  test('repeated parameters and NUL bytes in queries are no 500s (item 17)', async ({ baseURL }) => {
    const api = await playwrightRequest.newContext({ baseURL });
    for (const q of ['?q=a&q=b', '?q=%2Fe%00', '?category=help&category=other&q=%00']) {
      const res = await api.get(`/mailbox/replies${q}`);
      expect(res.status(), q).toBe(200);
    }
    const office = await apiLogin(baseURL!, 'mailbox');
    expect((await office.get('/mailbox-office?filter=all&filter=open')).status()).toBe(200);
    expect((await api.get('/api/v1/mailbox/replies?q=%00')).status()).toBeLessThan(500);
  });

  test('sign-out ends the session on the server: the old cookie is refused (item 9)', async ({ baseURL }) => {
    const api = await apiLogin(baseURL!, 'counselor');
    const cookies = (await api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await api.get('/api/v1/tasks')).status()).toBe(200);
    const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
    await api.post('/api/auth/signout', { form: { csrfToken, json: 'true' }, maxRedirects: 0 });
    // A copy of the cookie taken before sign-out (what a thief holds) no longer works.
    const replay = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { cookie: cookies } });
    expect((await replay.get('/api/v1/tasks')).status()).toBe(401);
  });

  test("CAS login CSRF: a ticket link made for the attacker's account does not sign a victim in (item 11)", async ({ browser, baseURL }) => {
    const cas = `http://127.0.0.1:${appServer().port + 6}/cas`;
    const service = `${baseURL}/login/cas?state=attackerstate0123456789`;
    const issued = await fetch(`${cas}/login?service=${encodeURIComponent(service)}`, {
      method: 'POST',
      body: new URLSearchParams({ service, username: 'student', password: 'x' }),
      redirect: 'manual',
    });
    const link = issued.headers.get('location')!;
    expect(link).toContain('ticket=ST-');
    const victim = await browser.newContext();
    const page = await victim.newPage();
    await page.goto(link);
    await expect(page.locator('.alert.error')).toContainText('登录请求已失效');
    const session = (await (await victim.request.get(`${baseURL}/api/auth/session`)).json()) as { uid?: string };
    expect(session.uid).toBeUndefined();
    await victim.close();
  });
});

