import { expect, test, type Page } from '@playwright/test';
import { loginAs } from './support/login';
import { checkPage } from './support/phone';
import { act } from './support/processes';
import { apiLogin, startFitness } from './support/proof-http';
import { appServer } from './support/server';

// 加签 / 减签 (issue 16, item 4) on a phone (360×740): 陈老师 asks 周校长 to sign before him
// (前加签), 周校长 answers on his phone and the task comes back; then 陈老师 adds him after himself
// (后加签), takes that back (减签) before 周校长 acted, and decides. Each page is checked for
// sideways scroll and axe, and pictured.
test.setTimeout(240_000);

async function addSigner(page: Page, kind: RegExp, search: string, reason: string, picture?: string): Promise<void> {
  await page.getByRole('button', { name: '加签', exact: true }).click();
  await page.getByRole('radio', { name: kind }).check();
  await page.getByLabel('搜索姓名、工号或拼音').fill(search);
  await page.getByRole('radio', { name: /周校长/ }).check();
  await page.getByLabel('理由（选填）').fill(reason);
  if (picture) await checkPage(page, picture);
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: '确认加签 周校长' }).click()]);
}

test('加签 on a phone: 前加签 comes back with 周校长’s opinion; 后加签 taken back (减签); 陈老师 decides', async ({ browser }) => {
  const { base } = appServer();
  const { id, caseNo } = await startFitness(base, await apiLogin(base, 'student'), `手机加签 ${Date.now()}`);

  const counselor = await loginAs(browser, 'counselor', { phone: true });
  await counselor.goto(`/applications/${id}`);
  await addSigner(counselor, /前加签/, '周', '病情较重，请校领导先签', 'phone-signer-picker');
  await expect(counselor.getByTestId('task-holder')).toContainText('已请 周校长 先签署');
  await expect(counselor.getByRole('button', { name: '核实通过' })).toHaveCount(0);

  // 周校长, on his phone, is asked for an opinion and cannot decide the step.
  const leader = await loginAs(browser, 'leader', { phone: true });
  await leader.goto(`/applications/${id}`);
  await expect(leader.getByText('陈老师 请您对这项申请提出意见或签署')).toBeVisible();
  await expect(leader.getByRole('button', { name: '核实通过' })).toHaveCount(0);
  await checkPage(leader, 'phone-signer-asked');
  await leader.getByLabel('您的意见').fill('同意免测');
  await leader.getByRole('button', { name: '提交意见' }).click();
  await expect(leader).toHaveURL(/\/tasks$/);

  // Back with 陈老师, who reads the opinion; 后加签, then 减签 before 周校长 acts.
  await counselor.reload();
  await expect(counselor.getByTestId('timeline')).toContainText('同意免测');
  await expect(counselor.getByTestId('task-holder')).toContainText('当前由 陈老师 办理');
  await addSigner(counselor, /后加签/, 'zxz', '请校领导决定');
  await expect(counselor.getByTestId('task-holder')).toContainText('已后加签，由 周校长 决定');
  await leader.goto('/tasks');
  await expect(leader.getByTestId('task-list')).toContainText(caseNo);
  await counselor.getByRole('button', { name: '减签', exact: true }).click();
  await counselor.getByRole('button', { name: '确认减签' }).click();
  await expect(counselor.getByRole('status').filter({ hasText: '确认减签' })).toBeVisible();
  await Promise.all([counselor.waitForEvent('load'), counselor.getByRole('button', { name: '确认减签' }).click()]);
  await expect(counselor.getByTestId('task-holder')).toContainText('当前由 陈老师 办理');

  // 周校长 no longer has it to do; 陈老师 decides.
  await leader.goto('/tasks');
  // 待办 as it is now (it may be empty): the case is not in it.
  await expect(leader.getByTestId('result-count')).toBeVisible();
  await expect(leader.locator('body')).not.toContainText(caseNo);
  await act(counselor, '核实通过');
  await expect(counselor.getByTestId('current-step')).toHaveText('校医院核实');
  for (const entry of ['前加签 · 交给 周校长', '同意免测', '后加签 · 交给 周校长', '减签', '核实通过']) await expect(counselor.getByTestId('timeline')).toContainText(entry);
  await checkPage(counselor, 'phone-signer-timeline');
});
