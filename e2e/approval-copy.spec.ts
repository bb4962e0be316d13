import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';
import { checkPage } from './support/phone';
import { api, apiLogin, startFitness } from './support/proof-http';
import { appServer } from './support/server';

// 抄送 (issue 16 item 8): the counselor copies an application to 资产管理处 on a desktop; the
// recipient finds it under 抄送我 on a phone, unread until opened, and may read but not act.
test('抄送: the holder copies, the recipient sees it unread under 抄送我, opens it, and it reads as read', async ({ browser }) => {
  const { base } = appServer();
  const student = await apiLogin(base, 'student');
  const app = await startFitness(base, student, '抄送：膝关节术后康复期');

  const desk = await loginAs(browser, 'counselor');
  await desk.setViewportSize({ width: 1366, height: 900 });
  await desk.goto(`/applications/${app.id}`);
  // People are picked by name, pinyin or 工号 and shown with their department (#16 item 8, #18 item 5).
  const picker = desk.getByRole('group', { name: /抄送给/ });
  await picker.getByRole('searchbox').fill('nobody-here');
  await expect(picker).toContainText('没有符合的教职工');
  await desk.getByRole('button', { name: '抄送', exact: true }).click();
  await expect(desk.getByRole('alert').filter({ hasText: '请选择抄送对象' })).toBeVisible();
  await picker.getByRole('searchbox').fill('qian');
  await picker.getByRole('checkbox', { name: /钱老师.*资产管理处/ }).check();
  await picker.getByRole('searchbox').fill('孙');
  await picker.getByRole('checkbox', { name: /孙师傅.*后勤/ }).check();
  await expect(desk.getByTestId('picker-chosen')).toHaveText('已选 2 人：钱老师、孙师傅');
  await picker.getByRole('checkbox', { name: /孙师傅/ }).uncheck();
  await expect(desk.getByTestId('picker-chosen')).toHaveText('已选 1 人：钱老师');
  await desk.getByLabel('说明（可选）').fill('请知悉该生体测情况');
  await desk.getByRole('button', { name: '抄送', exact: true }).click();
  await expect(desk.getByTestId('copied-to')).toHaveText('抄送给：钱老师');
  await expect(desk.getByTestId('timeline')).toContainText('请知悉该生体测情况');
  await expect(desk.getByTestId('current-step')).toHaveText('辅导员核实');
  await checkPage(desk, 'copy-desktop-timeline');

  // The recipient, on a phone.
  const phone = await loginAs(browser, 'assets');
  await phone.setViewportSize({ width: 360, height: 740 });
  await phone.goto('/tasks?status=cc');
  await expect(phone.getByRole('link', { name: /^抄送我 \(\d+\)$/ })).toHaveAttribute('aria-current', 'page');
  const row = phone.getByTestId('task-list').locator('li').filter({ hasText: app.caseNo });
  await expect(row).toContainText('陈老师抄送给您');
  await expect(row.getByRole('img', { name: '未读' })).toBeVisible();
  await checkPage(phone, 'copy-phone-unread');
  await row.getByRole('link').click();
  await expect(phone).toHaveURL(new RegExp(`/applications/${app.id}$`));
  await expect(phone.getByTestId('case-no')).toHaveText(app.caseNo);
  // Informed, not acting: no action buttons, no copy form.
  await expect(phone.getByRole('button', { name: '核实通过' })).toHaveCount(0);
  await expect(phone.getByRole('heading', { name: '抄送', exact: true })).toHaveCount(0);
  await phone.goto('/tasks?status=cc');
  await expect(phone.getByTestId('task-list').locator('li').filter({ hasText: app.caseNo }).getByRole('img', { name: '未读' })).toHaveCount(0);

  // The API says the same, in Chinese or English.
  const assets = await apiLogin(base, 'assets');
  const refused = await api(base, assets, 'POST', `/api/v1/instances/${app.id}/copies`, { usernames: ['logistics'] });
  expect(refused.status).toBe(403);
  expect(refused.body.error.message).toBe('只有当前环节的办理人可以抄送');
  const counselor = await apiLogin(base, 'counselor');
  const toStudent = await api(base, counselor, 'POST', `/api/v1/instances/${app.id}/copies`, { usernames: ['student2'] }, { 'accept-language': 'en' });
  expect(toStudent.status).toBe(400);
  expect(toStudent.body.error.message).toMatch(/staff only/);
});
