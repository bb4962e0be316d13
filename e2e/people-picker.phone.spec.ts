import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';
import { dayFromNow } from './support/processes';
import { checkPage, snap } from './support/phone';
import { api, apiLogin } from './support/proof-http';
import { appServer } from './support/server';

// Issue 18 item 5: the 中层干部请假 deputy is chosen with the people picker (name, pinyin or 工号),
// never typed as a raw 工号, and the application shows the person's name.
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test('a cadre picks the deputy by pinyin from the department and the application names them', async ({ browser }) => {
  const cadre2 = await loginAs(browser, 'cadre2');
  await cadre2.goto('/services/cadre-leave/apply');
  const deputy = cadre2.getByRole('group', { name: '代理人' });
  await expect(deputy.getByRole('radio', { name: /黄处长 · cadre · 人事处/ })).toBeVisible();
  await expect(deputy.getByRole('radio', { name: /林科长/ }), 'oneself is not offered').toHaveCount(0);
  await deputy.getByRole('searchbox').fill('zzz');
  await expect(deputy).toContainText('没有符合条件的人员');
  await deputy.getByRole('searchbox').fill('huang');
  await deputy.getByRole('radio', { name: /黄处长/ }).check();

  await cadre2.getByLabel('请假类型').selectOption('annual');
  await cadre2.getByLabel('开始日期').fill(await dayFromNow(cadre2, 20));
  await cadre2.getByLabel('结束日期').fill(await dayFromNow(cadre2, 21));
  await cadre2.getByLabel('事由').fill('年休假');
  await cadre2.getByLabel('联系方式').fill('13800000000');
  await checkPage(cadre2, 'deputy-picker');
  await cadre2.setViewportSize({ width: 1366, height: 900 });
  await snap(cadre2, 'deputy-picker-desktop');
  await cadre2.setViewportSize({ width: 360, height: 740 });
  await cadre2.getByRole('button', { name: '提交申请' }).click();
  await expect(cadre2.getByTestId('current-step')).toHaveText('部门负责人审批');
  await expect(cadre2.getByText('黄处长（人事处 · cadre）')).toBeVisible();

  // The approver reads the same name.
  const url = new URL(cadre2.url()).pathname;
  const leader = await loginAs(browser, 'cadre');
  await leader.goto(url);
  await expect(leader.getByText('黄处长（人事处 · cadre）')).toBeVisible();
  await checkPage(leader, 'deputy-named');

  // Taken back, so the leader's 待办 holds no second 林科长 leave for the other stories.
  const base = appServer().base;
  const id = url.split('/').pop()!;
  expect((await api(base, await apiLogin(base, 'cadre2'), 'POST', `/api/v1/instances/${id}/withdraw`, {})).status).toBe(200);
});
