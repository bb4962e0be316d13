import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';

test('JSON API: letter → 201 with link and code; follow-up once; revoke and re-issue; a signed-in writer sees it under 我的申请', async ({ browser, request }) => {
  test.setTimeout(240_000);
  const created = await request.post('/api/v1/mailbox/letters', {
    data: { letter: { category: 'consultation', subject: '宿舍热水时间', content: '请问热水几点供应？', anonymous: true, consentPublish: false } },
  });
  expect(created.status()).toBe(201);
  const { trackingUrl, queryCode } = (await created.json()) as { trackingUrl: string; queryCode: string };
  const token = trackingUrl.split('/').pop()!;
  const tracked = await request.get(`/api/v1/mailbox/track/${token}`);
  expect(tracked.status()).toBe(200);
  expect(tracked.headers()['referrer-policy']).toBe('no-referrer');
  expect(((await tracked.json()) as { stage: string }).stage).toBe('received');
  const byCode = await request.post('/api/v1/mailbox/lookup', { data: { code: queryCode, contact: '' } });
  expect(byCode.status()).toBe(200);

  // Oversized and bot submissions are refused with a message.
  const huge = await request.post('/api/v1/mailbox/letters', {
    data: { letter: { category: 'other', subject: 'x', content: 'x'.repeat(50_001), anonymous: true } },
  });
  expect(huge.status()).toBe(400);
  expect(((await huge.json()) as { error: { message: string } }).error.message).toContain('50000');
  const bot = await request.post('/api/v1/mailbox/letters', {
    data: { website: 'http://spam.example', letter: { category: 'other', subject: 'x', content: 'y', anonymous: true } },
  });
  expect(bot.status()).toBe(400);

  // Office → department → office, through the desk API.
  const office = await loginAs(browser, 'mailbox');
  await office.goto('/mailbox-office');
  await office.getByTestId('desk-list').getByRole('link', { name: /宿舍热水时间/ }).click();
  await expect(office.getByTestId('case-no')).toHaveText(/^[A-Z]{2}-\d{8}-\d{4}$/);
  const id = new URL(office.url()).pathname.split('/').pop()!;
  const send = (page: typeof office, body: unknown) => page.request.post(`/api/v1/mailbox/letters/${id}/events`, { data: body });
  expect((await send(office, { type: 'accept' })).status()).toBe(200);
  expect((await send(office, { type: 'assign', input: { departments: ['logistics'] } })).status()).toBe(200);
  const security = await loginAs(browser, 'security');
  expect((await send(security, { type: 'submitDraft', input: { reply: '不是我们' } })).status()).toBe(404);
  const logistics = await loginAs(browser, 'logistics');
  expect((await send(logistics, { type: 'submitDraft', input: { reply: '每天 18:00–23:00。' } })).status()).toBe(200);
  expect((await send(office, { type: 'approveDraft', input: { orgUnitId: 'logistics' } })).status()).toBe(200);

  const ask = (q: string) => request.post(`/api/v1/mailbox/track/${token}/follow-up`, { data: { question: q } });
  expect((await ask('周末也一样吗？')).status()).toBe(200);
  expect((await ask('再问一次')).status()).toBe(409);

  const reissued = await request.post(`/api/v1/mailbox/track/${token}/reissue`, { data: {} });
  expect(reissued.status()).toBe(201);
  const fresh = (await reissued.json()) as { trackingUrl: string };
  expect((await request.get(`/api/v1/mailbox/track/${token}`)).status()).toBe(404);
  expect((await request.get(`/api/v1/mailbox/track/${fresh.trackingUrl.split('/').pop()}`)).status()).toBe(200);

  // A signed-in writer: the letter is also under 我的申请.
  const student = await loginAs(browser, 'student');
  const mine = await student.request.post('/api/v1/mailbox/letters', {
    data: { letter: { category: 'suggestion', subject: '图书馆延长开放', content: '考试周希望开到 24 点', anonymous: false, contact: '13800000000' } },
  });
  expect(mine.status()).toBe(201);
  await student.goto('/applications');
  await expect(student.getByText('校长信箱：图书馆延长开放')).toBeVisible();

  const stats = await office.request.get('/api/v1/mailbox/stats');
  expect(stats.status()).toBe(200);
  await office.goto('/mailbox-office/stats');
  await expect(office.getByRole('heading', { name: '校长信箱统计' })).toBeVisible();
});
