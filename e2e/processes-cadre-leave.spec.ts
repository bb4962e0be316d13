import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';
import { act, advanceClock, dayFromNow, openTask } from './support/processes';

test.setTimeout(240_000);

test('中层干部请假: cadre2 applies → 部门负责人 approves → 组织部 files → reminder after the end date → 销假', async ({ browser }) => {
  const cadre2 = await loginAs(browser, 'cadre2');
  await cadre2.goto('/services/cadre-leave/apply');
  await cadre2.getByLabel('请假类型').selectOption('personal');
  await cadre2.getByLabel('开始日期').fill(await dayFromNow(cadre2, 3));
  await cadre2.getByLabel('结束日期').fill(await dayFromNow(cadre2, 4));
  await cadre2.getByLabel('事由').fill('处理家中事务');
  await cadre2.getByLabel('联系方式').fill('13800000000');
  await cadre2.getByRole('button', { name: '提交申请' }).click();
  await expect(cadre2.getByRole('alert').first()).toContainText('代理人');
  // The deputy is picked from the department by name or pinyin (never typed as a 工号); oneself is not offered.
  const deputy = cadre2.getByRole('group', { name: '代理人' });
  await expect(deputy.getByRole('radio', { name: /林科长/ })).toHaveCount(0);
  await deputy.getByRole('searchbox').fill('huang');
  await deputy.getByRole('radio', { name: /黄处长 · cadre · 人事处/ }).check();
  await cadre2.getByRole('button', { name: '提交申请' }).click();
  await expect(cadre2.getByTestId('current-step')).toHaveText('部门负责人审批');
  const url = cadre2.url();
  // …and shown by name, everywhere the form is read.
  await expect(cadre2.getByText('黄处长（人事处 · cadre）')).toBeVisible();

  const leader = await loginAs(browser, 'cadre');
  await openTask(leader, /林科长的请假申请/);
  await act(leader, '同意');
  await expect(leader.getByTestId('current-step')).toHaveText('组织部备案');
  const org = await loginAs(browser, 'org');
  await openTask(org, /林科长的请假申请/);
  await act(org, '备案');

  await cadre2.goto(url);
  await expect(cadre2.getByTestId('current-step')).toHaveText('休假中，待销假');
  await advanceClock(cadre2, 10);
  await cadre2.goto('/messages');
  await expect(cadre2.getByTestId('message-list').getByRole('button', { name: /中层干部请假申请 · 休假中，待销假 · 办理提醒/ })).toBeVisible();
  await cadre2.goto(url);
  // 销假 asks for the day the cadre was back (the leave ended 6 days ago on the moved clock).
  await cadre2.getByLabel('实际返岗日期').fill(await dayFromNow(cadre2, -6));
  await act(cadre2, '销假');
  await expect(cadre2.getByTestId('current-step')).toHaveText('已销假');
  await expect(cadre2.getByTestId('timeline')).toContainText('假期结束 1 个工作日后仍未销假');
});
