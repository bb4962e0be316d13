import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';
import { checkPage, snap } from './support/phone';
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
  // 好差评 in five words (GB/T 39734), not stars.
  await expect(staff.getByLabel('满意度评价').locator('option')).toHaveText(['—', '非常满意', '满意', '基本满意', '不满意', '非常不满意']);
  await staff.getByLabel('满意度评价').selectOption({ label: '满意' });
  await staff.getByLabel('评价内容').fill('师傅来得很快');
  await staff.getByRole('button', { name: '确认维修结果' }).click();
  await expect(staff.getByTestId('current-step')).toHaveText('已完成');
  // The rating is on the application and in its timeline.
  await expect(staff.getByTestId('rating')).toHaveText('满意 · 师傅来得很快');
  await expect(staff.getByTestId('timeline')).toContainText('评价：满意 · 师傅来得很快');
  await staff.setViewportSize({ width: 1366, height: 900 });
  await snap(staff, 'rating-desktop');
  await staff.setViewportSize({ width: 360, height: 740 });
  await checkPage(staff, 'rating-phone');
});
