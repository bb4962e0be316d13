import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loginAs, PDF_BYTES } from './support/login';
import { checkPage } from './support/phone';
import { act, dayFromNow, openTask } from './support/processes';

test.setTimeout(240_000);

// Issue 18 item 12: 资产管理处 sees what it sent — who acknowledged, who paid (receipt), who is
// overdue — reminds the overdue and downloads the list; the tenant's page reads as a notice and
// says how to pay. Told on phones. The due date is already past, so nobody moves the test clock.
test('周转房缴费台账: the tenant acknowledges and pays from a notice page; the office sees the batch, reminds the overdue, downloads CSV', async ({ browser }) => {
  const period = '2027年1月';
  const assets = await loginAs(browser, 'assets', { phone: true });
  const due = await dayFromNow(assets, -1);
  await assets.goto('/services/housing-payment-notice/apply');
  await assets.getByLabel('通知名单（CSV）').fill([`cadre2,8-101,${period},650.00,${due}`, `cadre,8-102,${period},720.50,${due}`, `org,8-103,${period},600,${due}`].join('\n'));
  await assets.getByRole('button', { name: '检查名单' }).click();
  await assets.getByRole('button', { name: '发出 3 条通知' }).click();
  await expect(assets.getByText('已全部发出 3 条通知')).toBeVisible();

  // The tenant: a notice (通知对象, 通知时间), how to pay, 确认收到 — nothing about applying.
  const tenant = await loginAs(browser, 'cadre2', { phone: true });
  await openTask(tenant, /周转房缴费通知：8-101/);
  const main = tenant.locator('main');
  await expect(main.getByText('通知对象', { exact: true })).toBeVisible();
  await expect(main.getByText('通知时间', { exact: true })).toBeVisible();
  await expect(main).not.toContainText('申请人');
  await expect(main).not.toContainText('提交申请');
  // Its record is the notice's, not an approval's.
  await expect(main.getByRole('button', { name: '下载周转房缴费通知记录' })).toBeVisible();
  await expect(main).not.toContainText('审批记录');
  const guide = tenant.getByTestId('pay-guide');
  await expect(guide.getByRole('heading', { name: '如何缴费' })).toBeVisible();
  await expect(guide).toContainText('¥650.00');
  await expect(guide).toContainText('房号 8-101');
  await expect(guide).toContainText('已超过缴费截止日期');
  await checkPage(tenant, 'tenant-notice');
  await act(tenant, '确认收到');
  await expect(tenant.getByTestId('current-step')).toHaveText('待缴费');
  await tenant.getByLabel('缴费凭证').setInputFiles({ name: '租金回单.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
  await expect(tenant.getByText('租金回单.pdf')).toBeVisible();
  await tenant.getByRole('button', { name: '上传缴费凭证' }).click();
  await expect(tenant.getByTestId('current-step')).toHaveText('资产管理处确认到账');
  await expect(tenant.getByTestId('pay-guide')).toHaveCount(0);

  const acknowledging = await loginAs(browser, 'cadre', { phone: true });
  await openTask(acknowledging, /周转房缴费通知：8-102/);
  await act(acknowledging, '确认收到');

  // The office: from 我的 to the ledger, the batch, then the overdue two.
  await assets.goto('/me');
  await assets.getByRole('link', { name: /周转房缴费台账/ }).click();
  const batch = assets.getByTestId('housing-batches').getByRole('link', { name: new RegExp(period) });
  await expect(batch).toContainText('共 3 户 · 已确认 2 · 已缴费 1');
  await expect(batch).toContainText('逾期 2 户');
  await checkPage(assets, 'ledger');
  await batch.click();
  await expect(assets.getByTestId('batch-summary')).toHaveText('共 3 户：已确认收到 2 户，已缴费 1 户，已确认到账 0 户，逾期未缴 2 户。');
  const rows = assets.getByTestId('tenant-row');
  await expect(rows).toHaveCount(3);
  const paid = rows.filter({ hasText: '8-101' });
  await expect(paid).toContainText('已缴费，待确认到账');
  await expect(paid.getByRole('link', { name: '租金回单.pdf' })).toBeVisible();
  await assets.getByRole('link', { name: '逾期 2' }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: '8-102' })).toContainText('已确认收到，待缴费');
  await expect(rows.filter({ hasText: '8-103' })).toContainText('未确认');
  await checkPage(assets, 'batch-overdue');

  // 催缴 asks once, then reminds both; a second run the same day sends nothing.
  await assets.getByRole('button', { name: '向 2 户逾期租户发送催缴提醒' }).click();
  await expect(assets.getByText('确认向 2 户发送催缴提醒？')).toBeVisible();
  await assets.getByRole('button', { name: '确认发送' }).click();
  await expect(assets.getByText('已向 2 户发送催缴提醒。')).toBeVisible();
  await assets.reload();
  await expect(rows.filter({ hasText: '8-103' })).toContainText('已催缴 1 次');
  await expect(assets.getByText('逾期未缴的 2 户今天都已提醒过')).toBeVisible();

  const [download] = await Promise.all([assets.waitForEvent('download'), assets.getByRole('link', { name: '下载 CSV' }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toContain('流水号,租户,工号,房号');
  expect(csv).toMatch(/org,8-103,2027年1月,600,.*,未确认,是/);
  expect(csv).toContain('租金回单.pdf');

  // At a desk the same page reads as well (1366×900).
  const desk = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 }, storageState: await assets.context().storageState() });
  const deskPage = await desk.newPage();
  await deskPage.goto(assets.url().replace('&show=overdue', ''));
  await expect(deskPage.getByTestId('tenant-row')).toHaveCount(3);
  await checkPage(deskPage, 'batch-desktop');

  // The reminded tenant hears of it in the message centre, naming the process and the step.
  const reminded = await loginAs(browser, 'org', { phone: true });
  await reminded.goto('/messages');
  await expect(reminded.getByText(/周转房缴费通知 · 待确认通知 · 办理提醒/).first()).toBeVisible();
});
