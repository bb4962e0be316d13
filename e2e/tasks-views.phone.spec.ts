import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';
import { checkPage } from './support/phone';
import { api, apiLogin, startFitness } from './support/proof-http';
import { appServer } from './support/server';

// /tasks on a phone (issue 16 item 12): tabs 待办 / 已办 / 我发起的, filters kept on the server (they
// follow the person to another device), step names and 流水号 shown, never code ids; and a batch.

test('筛选条件保存在服务器：换一台设备登录仍然有效；清除后恢复', async ({ browser }) => {
  const { base } = appServer();
  const student2 = await apiLogin(base, 'student2');
  const app = await startFitness(base, student2, '手机筛选：踝关节术后');
  const phone = await loginAs(browser, 'counselor2');
  try {
    await phone.goto('/tasks');
    await expect(phone.getByRole('link', { name: /^待办 \(\d+\)$/ })).toHaveAttribute('aria-current', 'page');
    await expect(phone.getByRole('link', { name: /^已办 \(\d+\)$/ })).toBeVisible();
    await expect(phone.getByRole('link', { name: /^我发起的 \(\d+\)$/ })).toBeVisible();
    // Step before process makes no sense: it waits for the process.
    await expect(phone.getByLabel('环节')).toBeDisabled();
    await phone.getByLabel('事项').selectOption({ label: '体质测试免测/缓测申请' });
    await phone.getByRole('button', { name: '筛选', exact: true }).click();
    await expect(phone.getByLabel('环节')).toBeEnabled();
    await phone.getByLabel('环节').selectOption({ label: '辅导员核实' });
    await phone.getByRole('button', { name: '筛选', exact: true }).click();
    await expect(phone).toHaveURL(/\/tasks$/);
    const list = phone.getByTestId('task-list');
    await expect(list).toContainText(app.caseNo);
    await expect(list).toContainText('辅导员核实');
    await expect(list).not.toContainText('counselorReview');
    await checkPage(phone, 'tasks-phone-filtered');

    // Another device, the same person: the filters come with them.
    const desktop = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    const other = await desktop.newPage();
    await other.goto('/login');
    await other.getByLabel(/学号\/工号/).fill('counselor2');
    await other.getByLabel(/^密码$/).fill('demo1234');
    await other.getByRole('button', { name: /^登录$/ }).click();
    await expect(other).toHaveURL(/\/$/);
    await other.goto('/tasks');
    await expect(other.getByLabel('事项')).toHaveValue('fitness-test-exemption');
    await expect(other.getByLabel('环节')).toHaveValue('counselorReview');
    await expect(other.getByTestId('task-list')).toContainText(app.caseNo);
    await checkPage(other, 'tasks-desktop-filtered');
    await desktop.close();

    // A waiting time nobody has reached yet: nothing matches, said in words.
    await phone.getByLabel('等待时间').selectOption({ label: '超过 30 天' });
    await phone.getByRole('button', { name: '筛选', exact: true }).click();
    await expect(phone.getByText('没有符合筛选条件的事项')).toBeVisible();
  } finally {
    // Leave counselor2's list as other stories expect it.
    await phone.goto('/tasks');
    const clear = phone.getByRole('button', { name: '清除筛选' });
    if (await clear.isVisible()) await clear.click();
    await expect(phone.getByRole('button', { name: '清除筛选' })).toHaveCount(0);
  }
});

test('我发起的 and 已办 show 流水号 and step names; a batch of one on a phone', async ({ browser }) => {
  const { base } = appServer();
  const studentApi = await apiLogin(base, 'student2');
  const app = await startFitness(base, studentApi, '手机批量：腰椎间盘突出');
  const student = await loginAs(browser, 'student2');
  await student.goto('/tasks?status=mine');
  const mine = student.getByTestId('task-list');
  await expect(mine).toContainText(app.caseNo);
  await expect(mine).toContainText('当前：辅导员核实');
  await checkPage(student, 'tasks-phone-mine');

  const counselor = await loginAs(browser, 'counselor2');
  await counselor.goto('/tasks?process=fitness-test-exemption&step=counselorReview');
  await counselor.getByRole('checkbox', { name: new RegExp(`选择 ${app.caseNo}`) }).check();
  await counselor.getByLabel('我已逐件查阅所选申请的附件').check();
  await checkPage(counselor, 'tasks-phone-batch');
  await counselor.getByRole('button', { name: '批量核实通过（1 件）' }).click();
  await expect(counselor.getByTestId('batch-result')).toContainText('已核实通过 1 件');

  await counselor.goto('/tasks?status=done');
  await expect(counselor.getByTestId('task-list')).toContainText(app.caseNo);
  expect((await api(base, studentApi, 'GET', `/api/v1/instances/${app.id}`)).body.state).toBe('hospitalReview');
});
