import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';
import { act, advanceClock, dayFromNow, openTask } from './support/processes';

test.setTimeout(240_000);

test('因私出国（境）: department, 组织部, both school leaders (会签), passport issued, not returned in 10 days → escalated to 组织部', async ({ browser }) => {
  const cadre2 = await loginAs(browser, 'cadre2');
  await cadre2.goto('/services/cadre-private-travel/apply');
  await cadre2.getByLabel('前往国家（地区）').fill('日本、韩国');
  await cadre2.getByLabel('开始日期').fill(await dayFromNow(cadre2, 2));
  await cadre2.getByLabel('结束日期').fill(await dayFromNow(cadre2, 3));
  await cadre2.getByLabel('出行事由').fill('探亲');
  await cadre2.getByLabel('费用来源').selectOption('self');
  await cadre2.getByLabel('联系方式').fill('+81 90 0000 0000');
  await cadre2.getByRole('button', { name: '提交申请' }).click();
  await expect(cadre2.getByTestId('current-step')).toHaveText('部门负责人审核');

  const title = /林科长因私赴日本、韩国/;
  const leader = await loginAs(browser, 'cadre');
  await openTask(leader, title);
  await act(leader, '同意');
  const org = await loginAs(browser, 'org');
  await openTask(org, title);
  await act(org, '审核通过');
  // 会签: 周校长's approval is counted (1/2) and the step waits for 钟副校长.
  const school = await loginAs(browser, 'leader');
  await openTask(school, title);
  await act(school, '批准');
  await expect(school.getByTestId('current-step')).toHaveText('校领导会签');
  await expect(school.getByTestId('timeline')).toContainText('批准（1/2）');
  const school2 = await loginAs(browser, 'leader2');
  await openTask(school2, title);
  await act(school2, '批准');
  await expect(school2.getByTestId('timeline')).toContainText('批准（2/2）');
  await openTask(org, title);
  await act(org, '已发放证照');
  await expect(org.getByTestId('current-step')).toHaveText('待交回证照');

  await advanceClock(org, 20);
  await openTask(org, title);
  await expect(org.getByTestId('current-step')).toHaveText('证照逾期未交回');
  await act(org, '证照已交回');
  await expect(org.getByTestId('timeline')).toContainText('回国超过 10 天未交回证照');
});
