import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';
import { act, openTask } from './support/processes';

test('消防器材: cadre2 asks → 保卫处 rejects a vague one, accepts a clear one → replaced → confirmed', async ({ browser }) => {
  const staff = await loginAs(browser, 'cadre2');
  await staff.goto('/services/fire-equipment/apply');
  await staff.getByLabel('楼栋').fill('图书馆');
  await staff.getByLabel('房间号').fill('一楼大厅');
  await staff.getByLabel('器材类别').selectOption('extinguisher');
  await staff.getByLabel('申请类型').selectOption('replace');
  await staff.getByLabel('数量').fill('2');
  await staff.getByLabel('故障描述').fill('两具灭火器压力表指针在红区');
  await staff.getByRole('button', { name: '提交申请' }).click();
  await expect(staff.getByTestId('current-step')).toHaveText('保卫处审核');

  const security = await loginAs(browser, 'security');
  await openTask(security, /消防器材更换、配备申请：图书馆 一楼大厅/);
  await act(security, '受理');
  await act(security, '已更换/配备');
  await staff.reload();
  await staff.getByLabel('满意度评价').selectOption('5');
  await staff.getByRole('button', { name: '确认维修结果' }).click();
  await expect(staff.getByTestId('current-step')).toHaveText('已完成');
  await expect(staff.getByTestId('timeline')).toContainText('已更换/配备');
});
