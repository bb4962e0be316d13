import { createServer, type Server } from 'node:http';
import { createHmac } from 'node:crypto';
import { expect, type Page } from '@playwright/test';

/** Shared with playwright.config's webServer env: the app signs jobs with it, the stand-in verifies. */
export const E2E_WEBHOOK_SECRET = 'e2e-dorm-repair-secret-0123456789';

/**
 * A date (Beijing time) `days` after the server's clock: other specs move the shared test clock
 * forward, so the browser's own date would lie in the server's past.
 */
export async function dayFromNow(page: Page, days: number): Promise<string> {
  const res = await page.request.get('/api/test/clock');
  expect(res.ok()).toBe(true);
  const { now } = (await res.json()) as { now: string };
  return new Date(Date.parse(now) + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

export async function openTask(page: Page, title: RegExp): Promise<void> {
  await page.goto('/tasks');
  await page.getByTestId('task-list').getByRole('link', { name: title }).first().click();
  await expect(page).toHaveURL(/\/applications\//);
}

/** Moves the server's test clock and fires the timers that became due. */
export async function advanceClock(page: Page, days: number): Promise<void> {
  const res = await page.request.post('/api/test/clock', { data: { advanceMs: days * 86_400_000 } });
  expect(res.ok()).toBe(true);
}

export async function act(page: Page, button: string | RegExp, comment?: string): Promise<void> {
  if (comment) await page.getByLabel(/理由|意见/).fill(comment);
  // A successful action reloads the page: wait for it, so the next step sees the new state.
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: button, exact: typeof button === 'string' }).click()]);
}

export function sign(body: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `sha256=${createHmac('sha256', E2E_WEBHOOK_SECRET).update(`${timestamp}.${body}`).digest('hex')}`;
  return { 'content-type': 'application/json', 'x-zijing-timestamp': timestamp, 'x-zijing-signature': signature };
}

/** The maintenance system's stand-in: records the signed jobs it receives. */
export async function startMaintenanceStandIn(port: number): Promise<{ jobs: Array<{ body: Record<string, unknown>; valid: boolean }>; close(): Promise<void> }> {
  const jobs: Array<{ body: Record<string, unknown>; valid: boolean }> = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const ts = String(req.headers['x-zijing-timestamp'] ?? '');
      const expected = `sha256=${createHmac('sha256', E2E_WEBHOOK_SECRET).update(`${ts}.${raw}`).digest('hex')}`;
      jobs.push({ body: JSON.parse(raw), valid: req.headers['x-zijing-signature'] === expected });
      res.writeHead(202).end('accepted');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { jobs, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
