import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';

test('资产管理处 sends a 周转房缴费通知 to an uploaded list; a tenant acknowledges; the handler sees it', async ({ browser }) => {
  const assets = await loginAs(browser, 'assets');
  await assets.goto('/notices/new');
  await assets.getByLabel('标题', { exact: true }).fill('周转房缴费通知（11 月）');
  await assets.getByLabel('正文').fill('请于 11 月 30 日前缴纳本月周转房租金，逾期将产生滞纳金。');
  await assets.getByLabel('需要接收人确认').check();
  await assets.getByLabel('上传名单', { exact: true }).check();
  await assets.getByLabel('上传名单文件').setInputFiles({
    name: 'tenants.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('工号,姓名\nstudent,李明\nstudent2,王芳\nghost-404,不存在\n'),
  });
  await expect(assets.getByLabel(/学号\/工号名单/)).toHaveValue(/ghost-404/);
  await assets.getByRole('button', { name: '预览人数' }).click();
  await expect(assets.getByTestId('notice-preview')).toContainText('将发送给 2 人');
  await expect(assets.getByTestId('notice-preview')).toContainText('ghost-404');
  await assets.getByRole('button', { name: '发送' }).click();
  await expect(assets.getByTestId('notice-sent')).toContainText('已发送给 2 人', { timeout: 20_000 });
  const noticeUrl = assets.url();

  const tenant = await loginAs(browser, 'student');
  await tenant.goto('/messages');
  await tenant.getByTestId('message-list').getByRole('button', { name: /周转房缴费通知/ }).click();
  await expect(tenant.getByRole('heading', { name: '周转房缴费通知（11 月）' })).toBeVisible();
  await tenant.getByRole('button', { name: '我已知悉' }).click();
  await expect(tenant.getByText('已确认知悉')).toBeVisible();

  // Someone outside the list learns nothing.
  const outsider = await loginAs(browser, 'counselor');
  expect((await outsider.goto(noticeUrl))?.status()).toBe(404);

  await assets.reload();
  const table = assets.getByTestId('notice-recipients');
  await expect(table.getByRole('row', { name: /李明/ })).toContainText('是');
  await expect(assets.getByRole('heading', { name: /已读 1 · 已确认 1/ })).toBeVisible();
});
