import { expect, test } from '@playwright/test';
import { loginAs, PDF_BYTES } from './support/login';
import { act, dayFromNow, openTask } from './support/processes';

test.setTimeout(240_000);

test('周转房缴费通知: 资产管理处 issues (bad rows refused), tenant acknowledges and pays, 资产管理处 confirms', async ({ browser }) => {
  const assets = await loginAs(browser, 'assets');
  await assets.goto('/services/housing-payment-notice/apply');
  const due = await dayFromNow(assets, 20);
  await assets.getByLabel('通知名单（CSV）').fill(`租户工号,房号,缴费期间,金额,截止日期\ncadre2,3-201,2026年12月,650.00,${due}\ncadre,3-202,2026年12月,6S0,${due}\ncadre2,3-201,2026年12月,650.00,${due}`);
  await assets.getByRole('button', { name: '检查名单' }).click();
  await expect(assets.locator('.alert.error')).toContainText('第 3 行：金额只能是数字');
  await expect(assets.locator('.alert.error')).toContainText('第 4 行：与第 2 行重复');
  await assets.getByLabel('通知名单（CSV）').fill(`cadre2,3-201,2026年12月,650.00,${due}\ncadre,3-202,2026年12月,720.00,${due}`);
  await assets.getByRole('button', { name: '检查名单' }).click();
  await assets.getByRole('button', { name: '发出 2 条通知' }).click();
  await expect(assets.getByText('已全部发出 2 条通知')).toBeVisible();

  const tenant = await loginAs(browser, 'cadre2');
  await openTask(tenant, /周转房缴费通知：3-201/);
  await act(tenant, '确认收到');
  await expect(tenant.getByTestId('current-step')).toHaveText('待缴费');
  await tenant.getByLabel('缴费凭证').setInputFiles({ name: '回单.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
  await expect(tenant.getByText('回单.pdf')).toBeVisible();
  await tenant.getByRole('button', { name: '上传缴费凭证' }).click();
  await expect(tenant.getByTestId('current-step')).toHaveText('资产管理处确认到账');

  await openTask(assets, /周转房缴费通知：3-201/);
  await act(assets, '确认到账');
  await expect(assets.getByTestId('current-step')).toHaveText('已缴费');
});
