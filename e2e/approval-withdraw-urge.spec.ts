import { expect, test, type Page } from '@playwright/test';
import { loginAs } from './support/login';
import { act } from './support/processes';
import { checkPage } from './support/phone';
import { api, apiLogin, startFitness } from './support/proof-http';
import { appServer } from './support/server';

// 撤回 and 催办 (issue 16, items 6–7), on a desktop (approval-withdraw-urge.phone.spec.ts: on phones).
// 催办 needs a step past its time limit, so this spec moves the server's test clock and runs alone
// (playwright.config EXCLUSIVE).
test.use({ viewport: { width: 1366, height: 900 } });
test.setTimeout(240_000);

let base: string;
test.beforeAll(() => {
  base = appServer().base;
});

async function confirmTwice(page: Page, action: string): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const question = page.getByTestId('instance-operations').getByRole('status');
  await expect(question).toContainText(`${action}后不能恢复`);
  await expect(question).not.toContainText('{');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: `确认${action}` }).click()]);
}

test('撤回申请: the applicant takes the application back before the counselor acts', async ({ browser }) => {
  const cookie = await apiLogin(base, 'student');
  const { id } = await startFitness(base, cookie, `撤回故事 ${Date.now()}`);
  const student = await loginAs(browser, 'student');
  await student.goto(`/applications/${id}`);
  await expect(student.getByTestId('instance-operations')).toContainText('第一步尚未办理');
  await checkPage(student, 'withdraw-application');
  await confirmTwice(student, '撤回申请');
  await expect(student.getByText('已撤回').first()).toBeVisible();
  await expect(student.getByTestId('timeline')).toContainText('撤回申请');
  await expect(student.getByTestId('instance-operations')).toHaveCount(0);
});

test('撤回审批: the counselor takes an approval back while 校医院 has not acted; not after', async ({ browser }) => {
  const cookie = await apiLogin(base, 'student');
  const { id } = await startFitness(base, cookie, `撤回审批故事 ${Date.now()}`);
  const counselor = await loginAs(browser, 'counselor');
  await counselor.goto(`/applications/${id}`);
  await act(counselor, '核实通过');
  await expect(counselor.getByTestId('current-step')).toHaveText('校医院核实');
  await confirmTwice(counselor, '撤回审批');
  await expect(counselor.getByTestId('current-step')).toHaveText('辅导员核实');
  await expect(counselor.getByTestId('timeline')).toContainText('撤回审批');
  await checkPage(counselor, 'withdraw-approval');

  await act(counselor, '核实通过');
  const doctor = await apiLogin(base, 'doctor');
  expect((await api(base, doctor, 'POST', `/api/v1/instances/${id}/events`, { type: 'approve' })).status).toBe(200);
  await counselor.reload();
  await expect(counselor.getByRole('button', { name: '撤回审批' })).toHaveCount(0);
  const late = await api(base, await apiLogin(base, 'counselor'), 'POST', `/api/v1/instances/${id}/withdraw-approval`, {});
  expect([late.status, late.body.error.message]).toEqual([422, '下一环节已办理，不能再撤回审批']);
});

test('催办: past the time limit the applicant urges; the counselor is told, marked 催办; twice a day is refused', async ({ browser }) => {
  const cookie = await apiLogin(base, 'student');
  const { id } = await startFitness(base, cookie, `催办故事 ${Date.now()}`);
  const early = await api(base, cookie, 'POST', `/api/v1/instances/${id}/urge`, {});
  expect([early.status, early.body.error.message]).toEqual([422, '尚未超过办理时限，暂不能催办']);

  expect((await api(base, cookie, 'POST', '/api/test/clock', { advanceMs: 7 * 86_400_000 })).status).toBe(200);
  const student = await loginAs(browser, 'student');
  await student.goto(`/applications/${id}`);
  await student.getByRole('button', { name: '催办', exact: true }).click();
  await expect(student.getByTestId('instance-operations').getByRole('status')).toContainText('已催办');
  await checkPage(student, 'urge');

  const again = await api(base, cookie, 'POST', `/api/v1/instances/${id}/urge`, {});
  expect([again.status, again.body.error.message]).toEqual([429, '今天已催办过，每个环节每个工作日只能催办一次']);
  const againEn = await api(base, cookie, 'POST', `/api/v1/instances/${id}/urge`, {}, { 'accept-language': 'en' });
  expect(againEn.body.error.message).toBe('Already urged today: once a working day per step');

  const counselor = await loginAs(browser, 'counselor');
  await counselor.goto('/messages');
  await expect(counselor.getByTestId('message-list')).toContainText('催办');
  await counselor.goto(`/applications/${id}`);
  await expect(counselor.getByTestId('urge-count').first()).toContainText('已催办 1 次');
  await expect(counselor.getByTestId('timeline')).toContainText('催办');
});
