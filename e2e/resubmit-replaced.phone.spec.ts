import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';
import { checkPage, snap } from './support/phone';
import { api, apiLogin, PDF_BYTES, uploadFile } from './support/proof-http';
import { appServer } from './support/server';

// Issue 18 item 7: a file swapped out when resubmitting after 退回修改 is listed struck through
// beside the new one, for the applicant and for the reviewer.
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test('after 退回修改 the replaced certificate is struck through beside the new one', async ({ browser }) => {
  const base = appServer().base;
  const student = await apiLogin(base, 'student');
  const counselor = await apiLogin(base, 'counselor');
  const old = await uploadFile(base, student, PDF_BYTES, '模糊的诊断证明.pdf');
  const form = { kind: 'exempt', reason: `替换附件故事 ${Date.now()}`, evidence: [old.body.id] };
  const started = await api(base, student, 'POST', '/api/v1/instances', { process: 'fitness-test-exemption', input: form });
  expect(started.status).toBe(201);
  const id = (started.body as { id: string }).id;
  expect((await api(base, counselor, 'POST', `/api/v1/instances/${id}/events`, { type: 'return', comment: '证明看不清，请重新上传' })).status).toBe(200);
  const fresh = await uploadFile(base, student, PDF_BYTES, '清晰的诊断证明.pdf');
  expect((await api(base, student, 'POST', `/api/v1/instances/${id}/events`, { type: 'resubmit', input: { ...form, evidence: [fresh.body.id] } })).status).toBe(200);

  for (const who of ['student', 'counselor']) {
    const page = await loginAs(browser, who);
    await page.goto(`/applications/${id}`);
    const files = page.getByRole('heading', { name: '附件' }).locator('xpath=following-sibling::ul[1]');
    await expect(files.locator('li')).toHaveCount(2);
    await expect(files.locator('li').first()).toContainText('清晰的诊断证明.pdf');
    await expect(files.locator('li').first().locator('del')).toHaveCount(0);
    await expect(files.locator('li[data-replaced="true"] del')).toHaveText('模糊的诊断证明.pdf');
    await expect(files.locator('li[data-replaced="true"]')).toContainText('已被替换');
    await checkPage(page, `replaced-${who}`);
    await page.setViewportSize({ width: 1366, height: 900 });
    await snap(page, `replaced-${who}-desktop`);
  }
});
