import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';
import { api, apiLogin, FITNESS, PDF_BYTES, uploadFile } from './support/proof-http';
import { appServer } from './support/server';

// Security headers, cookies, cross-origin server actions, stored payloads that must not run,
// and no secret in the client bundles.
let base: string;
test.beforeAll(() => {
  base = appServer().base;
});
const ROOT = path.resolve(__dirname, '..');

test('pages: strict CSP whose nonce is on every script; nosniff, Referrer-Policy; HSTS only behind TLS', async () => {
  const res = await fetch(`${base}/login`);
  const csp = res.headers.get('content-security-policy') ?? '';
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(csp).toMatch(/object-src 'none'/);
  expect(csp).toMatch(/frame-ancestors 'self' https:\/\/work\.weixin\.qq\.com/);
  const html = await res.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(res.headers.get('strict-transport-security')).toBeNull();

  const second = await fetch(`${base}/login`);
  expect(second.headers.get('content-security-policy')).not.toBe(csp); // a fresh nonce per response

  const tls = await fetch(`${base}/login`, { headers: { 'x-forwarded-proto': 'https' } });
  expect(tls.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
  expect(tls.headers.get('content-security-policy')).toMatch(/upgrade-insecure-requests/);

  const apiRes = await fetch(`${base}/api/v1/tasks`);
  expect(apiRes.status).toBe(401);
  expect(apiRes.headers.get('x-content-type-options')).toBe('nosniff');
});

test('the browser runs the page under the CSP without violations', async ({ browser }) => {
  const page = await loginAs(browser, 'student');
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto('/tasks');
  await page.goto('/services');
  await expect(page.locator('main')).toBeVisible();
  expect(violations).toEqual([]);
});

test('session cookie: HttpOnly, SameSite=Lax, path /', async () => {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
    body: new URLSearchParams({ csrfToken, username: 'student', password: 'demo1234', json: 'true' }),
  });
  const session = res.headers.getSetCookie().find((c) => c.includes('next-auth.session-token='));
  expect(session).toBeTruthy();
  expect(session).toMatch(/;\s*HttpOnly/i);
  expect(session).toMatch(/;\s*SameSite=Lax/i);
  expect(session).toMatch(/;\s*Path=\//i);
});

test('server actions refuse a cross-origin call (and accept the same call from our origin)', async () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, '.next', 'server', 'server-reference-manifest.json'), 'utf8'));
  const actionId = Object.entries(manifest.node as Record<string, { exportedName: string }>).find(([, v]) => v.exportedName === 'markMessagesRead')?.[0];
  expect(actionId).toBeTruthy();
  const student = await apiLogin(base, 'student');
  const counselor = await apiLogin(base, 'counselor');
  const upload = await uploadFile(base, student, PDF_BYTES);
  await api(base, student, 'POST', '/api/v1/instances', { process: FITNESS, input: { kind: 'exempt', reason: '跨站调用测试的申请', evidence: [upload.body.id] } });
  const before = await api(base, counselor, 'GET', '/api/v1/messages');
  expect(before.body.unread).toBeGreaterThan(0);

  // The form post a browser sends without JavaScript (progressive enhancement): the action id rides in a field.
  const call = (origin: string) => {
    const form = new FormData();
    form.set(`$ACTION_ID_${actionId}`, '');
    return fetch(`${base}/messages`, { method: 'POST', redirect: 'manual', headers: { cookie: counselor, origin }, body: form });
  };
  const evil = await call('https://evil.example');
  expect(evil.status).not.toBe(200);
  expect((await api(base, counselor, 'GET', '/api/v1/messages')).body.unread).toBe(before.body.unread);

  const own = await call(base);
  expect(own.status).toBeLessThan(400);
  expect((await api(base, counselor, 'GET', '/api/v1/messages')).body.unread).toBe(0);
});

test('stored HTML/JS payloads (form field, comment, file name) render as text and never run', async ({ browser }) => {
  const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>"'><svg onload=window.__xss=3>`;
  const student = await apiLogin(base, 'student');
  const counselor = await apiLogin(base, 'counselor');
  const upload = await uploadFile(base, student, PDF_BYTES, `"><img src=x onerror=window.__xss=4>.pdf`);
  const started = await api(base, student, 'POST', '/api/v1/instances', {
    process: FITNESS,
    input: { kind: 'exempt', reason: `理由 ${payload}`, evidence: [upload.body.id] },
  });
  expect(started.status).toBe(201);
  await api(base, counselor, 'POST', `/api/v1/instances/${started.body.id}/events`, { type: 'return', comment: `意见 ${payload}` });

  const page = await loginAs(browser, 'student');
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto(`/applications/${started.body.id}`);
  await expect(page.getByText('window.__xss=2').first()).toBeVisible();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('script:text("window.__xss")').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('no secret in the client bundles (.next/static)', () => {
  const secrets = new Set<string>(['e2e-test-secret-not-for-production', 'proof-test-secret-not-for-production', 'postgres://', '$2a$10$', '$2b$10$']);
  for (const [name, value] of Object.entries(process.env)) {
    if (value && value.length >= 8 && /SECRET|PASSWORD|TOKEN|PRIVATE|DATABASE_URL|_KEY$/i.test(name)) secrets.add(value);
  }
  const names = ['AUTH_SECRET', 'DATABASE_URL', 'NEXTAUTH_SECRET'];
  const hits: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(js|css|json|map|txt|html)$/.test(entry.name)) {
        const text = readFileSync(full, 'utf8');
        for (const s of [...secrets, ...names]) if (text.includes(s)) hits.push(`${path.relative(ROOT, full)} contains ${s.slice(0, 12)}…`);
      }
    }
  };
  walk(path.join(ROOT, '.next', 'static'));
  expect(hits).toEqual([]);
});
