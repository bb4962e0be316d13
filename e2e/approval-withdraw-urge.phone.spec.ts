import { expect, test, type Page } from '@playwright/test';
import { loginAs } from './support/login';
import { checkPage } from './support/phone';
import { act, advanceClock } from './support/processes';
import { apiLogin, startFitness } from './support/proof-http';
import { appServer } from './support/server';

// 撤回 and 催办 (issue 16, items 6–7) told on phones (360×740), every step through the pages, and
// the other party sees it: the counselor finds a withdrawn application gone from 待办; the
// applicant sees the step come back after the counselor takes an approval back, urges it once it
// is past its limit, and the counselor reads the 催办. 催办 moves the server's test clock, so this
// spec runs alone (playwright.config EXCLUSIVE).
test.setTimeout(240_000);

async function takeBack(page: Page, action: string, reason: string, picture?: string): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  await page.getByTestId('instance-operations').getByLabel(/理由/).fill(reason);
  // Asked once, in words (the action named, no placeholder left), before it is done.
  const question = page.getByTestId('instance-operations').getByRole('status');
  await expect(question).toContainText(`${action}后不能恢复`);
  await expect(question).not.toContainText('{');
  if (picture) await checkPage(page, picture);
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: `确认${action}` }).click()]);
}

test('撤回申请 on a phone: the applicant takes it back, says why; the counselor’s task is gone', async ({ browser }) => {
  const { base } = appServer();
  const reason = `手机撤回 ${Date.now()}`;
  const { id, caseNo } = await startFitness(base, await apiLogin(base, 'student'), reason);
  const student = await loginAs(browser, 'student', { phone: true });
  await student.goto(`/applications/${id}`);
  await takeBack(student, '撤回申请', '已康复，不再申请', 'phone-withdraw-confirm');
  await expect(student.getByText('已撤回').first()).toBeVisible();
  await expect(student.getByTestId('timeline')).toContainText('已康复，不再申请');
  await expect(student.getByTestId('instance-operations')).toHaveCount(0);

  const counselor = await loginAs(browser, 'counselor', { phone: true });
  await counselor.goto('/tasks');
  // 待办 as it is now (it may be empty): the case is not in it.
  await expect(counselor.getByTestId('result-count')).toBeVisible();
  await expect(counselor.locator('body')).not.toContainText(caseNo);
  await checkPage(counselor, 'phone-withdrawn-counselor-tasks');
});

test('撤回审批 and 催办 on phones: the step comes back to the counselor; past its limit the applicant urges; he reads 催办', async ({ browser }) => {
  const { base } = appServer();
  const { id } = await startFitness(base, await apiLogin(base, 'student'), `手机撤回审批 ${Date.now()}`);
  const counselor = await loginAs(browser, 'counselor', { phone: true });
  await counselor.goto(`/applications/${id}`);
  await act(counselor, '核实通过');
  await expect(counselor.getByTestId('current-step')).toHaveText('校医院核实');
  await takeBack(counselor, '撤回审批', '材料需再核对');
  await expect(counselor.getByTestId('current-step')).toHaveText('辅导员核实');
  await expect(counselor.getByRole('button', { name: '核实通过' })).toBeVisible();

  // The applicant sees the step back at the counselor, and why.
  const student = await loginAs(browser, 'student', { phone: true });
  await student.goto(`/applications/${id}`);
  await expect(student.getByTestId('current-step')).toHaveText('辅导员核实');
  await expect(student.getByTestId('timeline')).toContainText('撤回审批');
  await expect(student.getByTestId('timeline')).toContainText('材料需再核对');

  // A week on, past the step's time limit: 催办, once.
  await advanceClock(student, 7);
  await student.reload();
  await student.getByRole('button', { name: '催办', exact: true }).click();
  await expect(student.getByTestId('instance-operations').getByRole('status')).toContainText('已催办');
  await expect(student.getByRole('button', { name: '催办', exact: true })).toBeDisabled();
  await checkPage(student, 'phone-urged');

  await counselor.goto('/messages');
  await expect(counselor.getByTestId('message-list')).toContainText('催办');
  await checkPage(counselor, 'phone-urge-message');
  await counselor.goto(`/applications/${id}`);
  await expect(counselor.getByTestId('urge-count').first()).toContainText('已催办 1 次');
  await expect(counselor.getByTestId('timeline')).toContainText('催办');
});
