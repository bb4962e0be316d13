import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';
import { checkPage, snap } from './support/phone';
import { api, apiLogin, PDF_BYTES, uploadFile } from './support/proof-http';
import { appServer } from './support/server';

// Issue 18 item 14: one message per event per person, titles that name the process, the step and
// the outcome, grouped by application, and opening a message reads it.
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test('the student hears once per step, in words that say which office did what, and opening a message reads it', async ({ browser }) => {
  const base = appServer().base;
  const reason = `消息故事 ${Date.now()}`;
  const student = await apiLogin(base, 'student');
  const upload = await uploadFile(base, student, PDF_BYTES);
  const form = { kind: 'exempt', reason, evidence: [upload.body.id] };
  const started = await api(base, student, 'POST', '/api/v1/instances', { process: 'fitness-test-exemption', input: form });
  expect(started.status).toBe(201);
  const id = (started.body as { id: string }).id;
  const counselor = await apiLogin(base, 'counselor');
  const doctor = await apiLogin(base, 'doctor');
  // The counselor returns it (the student gets a task and an update — one message), the student
  // resubmits, the counselor and then 校医院 verify: "核实通过" twice, from two offices.
  expect((await api(base, counselor, 'POST', `/api/v1/instances/${id}/events`, { type: 'return', comment: '请补充诊断证明' })).status).toBe(200);
  expect((await api(base, student, 'POST', `/api/v1/instances/${id}/events`, { type: 'resubmit', input: form })).status).toBe(200);
  expect((await api(base, counselor, 'POST', `/api/v1/instances/${id}/events`, { type: 'approve' })).status).toBe(200);
  expect((await api(base, doctor, 'POST', `/api/v1/instances/${id}/events`, { type: 'approve' })).status).toBe(200);

  const page = await loginAs(browser, 'student');
  await page.goto('/messages');
  // The newest group is this application: three messages, one per step someone else took.
  const newest = page.getByTestId('message-list').locator('section').first();
  await expect(newest.getByRole('heading')).toContainText('体质测试免测/缓测申请');
  await expect(newest.getByRole('heading')).toContainText(/办件编号|TC-/);
  const rows = newest.locator('li');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('体质测试免测/缓测申请 · 校医院核实 · 已通过');
  await expect(rows.nth(1)).toContainText('体质测试免测/缓测申请 · 辅导员核实 · 已通过');
  await expect(rows.nth(2)).toContainText('体质测试免测/缓测申请 · 辅导员核实 · 退回修改');
  await expect(rows.nth(2)).toContainText('请补充诊断证明');
  await expect(newest.locator('li[data-unread="true"]')).toHaveCount(3);
  await checkPage(page, 'messages-grouped');

  // Opening the newest goes to the application and reads it; the others stay unread.
  await rows.nth(0).getByRole('button').click();
  await expect(page).toHaveURL(new RegExp(`/applications/${id}$`));
  await page.goto('/messages');
  const again = page.getByTestId('message-list').locator('section').first();
  await expect(again.locator('li').nth(0)).not.toHaveAttribute('data-unread', 'true');
  await expect(again.locator('li[data-unread="true"]')).toHaveCount(2);

  // The same page on a desktop, to be looked at.
  await page.setViewportSize({ width: 1366, height: 900 });
  await snap(page, 'messages-desktop');
});
