import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';
import { act, openTask } from './support/processes';

test('办公家具维修: cadre2 reports → 资产管理处 accepts → repaired → cadre2 accepts with a rating', async ({ browser }) => {
  const staff = await loginAs(browser, 'cadre2');
  await staff.goto('/repairs');
  await expect(staff.getByTestId('repair-table').locator('tbody tr')).toHaveCount(6);
  await staff.getByTestId('repair-table').getByRole('link', { name: /办理：办公家具零星维修申请/ }).click();
  await staff.getByLabel('楼栋').fill('行政楼');
  await staff.getByLabel('房间号').fill('402');
  await staff.getByLabel('故障类别').selectOption('chair');
  await staff.getByLabel('故障描述').fill('办公椅气压杆失灵');
  await staff.getByRole('button', { name: '提交申请' }).click();
  await expect(staff.getByTestId('current-step')).toHaveText('资产管理处审核');

  const assets = await loginAs(browser, 'assets');
  await openTask(assets, /办公家具零星维修申请：行政楼 402/);
  await act(assets, '受理');
  await act(assets, '已修复');
  await staff.goto('/repairs');
  await staff.getByTestId('my-repairs').getByRole('link', { name: /行政楼 402/ }).click();
  await staff.getByLabel('评分（1–5）').selectOption('4');
  await staff.getByRole('button', { name: '确认维修结果' }).click();
  await expect(staff.getByTestId('current-step')).toHaveText('已完成');
});
