import { expect, test } from '@playwright/test';

test('the health endpoint answers ok', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { status?: string };
  expect(body.status).toBe('ok');
});
