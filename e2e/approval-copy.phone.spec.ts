import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';
import { checkPage } from './support/phone';
import { apiLogin, startFitness } from './support/proof-http';
import { appServer } from './support/server';

// 抄送 (issue 16 item 8) with both people on phones (360×740): 陈老师 picks 钱老师 by pinyin and
// copies the application from his phone; 钱老师 finds it unread under 抄送我, opens it (read, not
// act), and the copy reads as read.
test.setTimeout(240_000);

test('抄送 on phones: the holder copies with the picker; the recipient reads it under 抄送我', async ({ browser }) => {
  const { base } = appServer();
  const app = await startFitness(base, await apiLogin(base, 'student'), `手机抄送 ${Date.now()}`);

  const counselor = await loginAs(browser, 'counselor', { phone: true });
  await counselor.goto(`/applications/${app.id}`);
  const picker = counselor.getByRole('group', { name: /抄送给/ });
  await picker.getByRole('searchbox').fill('qian');
  await picker.getByRole('checkbox', { name: /钱老师.*资产管理处/ }).check();
  await expect(counselor.getByTestId('picker-chosen')).toHaveText('已选 1 人：钱老师');
  await counselor.getByLabel('说明（可选）').fill('请知悉，手机抄送');
  await checkPage(counselor, 'phone-copy-picker');
  await counselor.getByRole('button', { name: '抄送', exact: true }).click();
  await expect(counselor.getByTestId('copied-to')).toHaveText('抄送给：钱老师');
  await expect(counselor.getByTestId('timeline')).toContainText('请知悉，手机抄送');

  const assets = await loginAs(browser, 'assets', { phone: true });
  await assets.goto('/tasks?status=cc');
  const row = assets.getByTestId('task-list').locator('li').filter({ hasText: app.caseNo });
  await expect(row).toContainText('陈老师抄送给您');
  await expect(row.getByRole('img', { name: '未读' })).toBeVisible();
  await row.getByRole('link').click();
  await expect(assets.getByTestId('case-no')).toHaveText(app.caseNo);
  await expect(assets.getByTestId('timeline')).toContainText('请知悉，手机抄送');
  await expect(assets.getByRole('button', { name: '核实通过' })).toHaveCount(0);
  await checkPage(assets, 'phone-copy-recipient');
  await assets.goto('/tasks?status=cc');
  await expect(assets.getByTestId('task-list').locator('li').filter({ hasText: app.caseNo }).getByRole('img', { name: '未读' })).toHaveCount(0);
});
