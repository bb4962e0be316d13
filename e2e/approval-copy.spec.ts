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
  await desk.getByLabel('抄送给（学工号）').fill('nobody-here');
  await desk.getByRole('button', { name: '抄送', exact: true }).click();
  await expect(desk.getByRole('alert').filter({ hasText: '找不到这些人员' })).toBeVisible();
  await desk.getByLabel('抄送给（学工号）').fill('assets');
  await desk.getByLabel('说明（可选）').fill('请知悉该生体测情况');
  await desk.getByRole('button', { name: '抄送', exact: true }).click();
  await expect(desk.getByTestId('copied-to')).toContainText('抄送给：');
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
