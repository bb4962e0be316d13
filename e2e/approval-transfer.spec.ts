import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';
import { checkPage } from './support/phone';
import { act } from './support/processes';
import { api, apiLogin, startFitness } from './support/proof-http';
import { appServer } from './support/server';

// 转办 and 委派 (issue 16, items 1–2). 林科长 (cadre2) is made a second 工程学院 counselor for the
// story and unmade after it: this spec changes roles, so it runs alone (playwright.config EXCLUSIVE).
test.setTimeout(240_000);

let base: string;
let adminCookie: string;
let bindingId: string | null = null;

test.beforeAll(async () => {
  base = appServer().base;
  adminCookie = await apiLogin(base, 'admin');
  const cadre2 = await apiLogin(base, 'cadre2');
  const { uid } = (await api<{ uid: string }>(base, cadre2, 'GET', '/api/auth/session')).body;
  const granted = await api<{ id: string }>(base, adminCookie, 'POST', `/api/v1/admin/users/${uid}/roles`, { role: 'counselor', orgUnitId: 'engineering' });
  expect(granted.status).toBe(201);
  bindingId = granted.body.id;
});

test.afterAll(async () => {
  if (bindingId) await api(base, adminCookie, 'POST', `/api/v1/admin/role-bindings/${bindingId}/revoke`);
});

test('转办 to a colleague found by pinyin, who asks 黄处长 for an opinion (委派) and then decides', async ({ browser }, info) => {
  const student = await apiLogin(base, 'student');
  const { id } = await startFitness(base, student, `转办故事 ${Date.now()}`);

  const counselor = await loginAs(browser, 'counselor');
  await counselor.goto(`/applications/${id}`);
  await counselor.getByRole('button', { name: '转办', exact: true }).click();
  // Only people who may hold the step are listed; pinyin initials narrow them.
  await counselor.getByLabel('搜索姓名、工号或拼音').fill('lkz');
  await counselor.getByRole('radio', { name: /林科长/ }).check();
  await counselor.getByLabel('理由（选填）').fill('本周外出培训');
  if (info.project.name.includes('desktop')) await counselor.screenshot({ path: info.outputPath('transfer-picker.png'), fullPage: true });
  await counselor.getByRole('button', { name: '确认转办给 林科长' }).click();
  // Irreversible for the holder: asked once.
  await expect(counselor.getByRole('status').filter({ hasText: '再点一次' })).toBeVisible();
  await counselor.getByRole('button', { name: '确认转办给 林科长' }).click();
  await expect(counselor).toHaveURL(/\/tasks$/);

  const lin = await loginAs(browser, 'cadre2');
  await lin.goto(`/applications/${id}`);
  const timeline = lin.getByTestId('timeline');
  await expect(timeline).toContainText('转办 · 交给 林科长');
  await expect(timeline).toContainText('陈老师');
  await expect(timeline).toContainText('本周外出培训');
  await expect(lin.getByTestId('task-holder')).toContainText('当前由 林科长 办理');

  // 委派: a colleague of 林科长's unit gives an opinion; the task comes back.
  await lin.getByRole('button', { name: '委派', exact: true }).click();
  await lin.getByLabel('搜索姓名、工号或拼音').fill('黄');
  await lin.getByRole('radio', { name: /黄处长/ }).check();
  await lin.getByLabel('理由（选填）').fill('请看看是否符合免测条件');
  await Promise.all([lin.waitForEvent('load'), lin.getByRole('button', { name: '确认委派给 黄处长' }).click()]);
  await expect(lin.getByTestId('task-holder')).toContainText('已委派 黄处长 征求意见');
  await expect(lin.getByRole('button', { name: '核实通过' })).toHaveCount(0);

  const huang = await loginAs(browser, 'cadre');
  await huang.goto(`/applications/${id}`);
  await expect(huang.getByRole('button', { name: '核实通过' })).toHaveCount(0);
  await huang.getByLabel('您的意见').fill('符合免测条件，建议通过');
  await huang.getByRole('button', { name: '提交意见' }).click();
  await expect(huang).toHaveURL(/\/tasks$/);

  await lin.reload();
  await expect(lin.getByTestId('timeline')).toContainText('符合免测条件，建议通过');
  await act(lin, '核实通过');
  await expect(lin.getByTestId('current-step')).toHaveText('校医院核实');
  for (const entry of ['转办', '委派征求意见', '回复意见', '核实通过']) await expect(lin.getByTestId('timeline')).toContainText(entry);
});

test('委派 on a phone: 陈老师 asks 林科长 for an opinion, 林科长 answers on his phone, 陈老师 decides', async ({ browser }) => {
  const student = await apiLogin(base, 'student');
  const { id } = await startFitness(base, student, `手机委派 ${Date.now()}`);

  const chen = await loginAs(browser, 'counselor', { phone: true });
  await chen.goto(`/applications/${id}`);
  await chen.getByRole('button', { name: '委派', exact: true }).click();
  await chen.getByLabel('搜索姓名、工号或拼音').fill('林');
  await chen.getByRole('radio', { name: /林科长/ }).check();
  await chen.getByLabel('理由（选填）').fill('请帮忙看看证明是否有效');
  await checkPage(chen, 'delegate-phone-picker');
  await Promise.all([chen.waitForEvent('load'), chen.getByRole('button', { name: '确认委派给 林科长' }).click()]);
  await expect(chen.getByTestId('task-holder')).toContainText('已委派 林科长 征求意见');
  await expect(chen.getByRole('button', { name: '核实通过' })).toHaveCount(0);

  const lin = await loginAs(browser, 'cadre2', { phone: true });
  await lin.goto(`/applications/${id}`);
  await expect(lin.getByText('陈老师 请您对这项申请提出意见或签署')).toBeVisible();
  await expect(lin.getByRole('button', { name: '核实通过' })).toHaveCount(0);
  await lin.getByLabel('您的意见').fill('证明有效，建议通过');
  await checkPage(lin, 'delegate-phone-answer');
  await lin.getByRole('button', { name: '提交意见' }).click();
  await expect(lin).toHaveURL(/\/tasks$/);

  await chen.reload();
  await expect(chen.getByTestId('timeline')).toContainText('证明有效，建议通过');
  await act(chen, '核实通过');
  await expect(chen.getByTestId('current-step')).toHaveText('校医院核实');
  for (const entry of ['委派征求意见', '回复意见', '核实通过']) await expect(chen.getByTestId('timeline')).toContainText(entry);
});

test('转办 on a phone: 陈老师 hands the task to 林科长, who finds it in 待办 and decides; 陈老师 still follows it', async ({ browser }) => {
  const student = await apiLogin(base, 'student');
  const { id, caseNo } = await startFitness(base, student, `手机转办 ${Date.now()}`);

  const chen = await loginAs(browser, 'counselor', { phone: true });
  await chen.goto(`/applications/${id}`);
  await chen.getByRole('button', { name: '转办', exact: true }).click();
  await chen.getByLabel('搜索姓名、工号或拼音').fill('lkz');
  await chen.getByRole('radio', { name: /林科长/ }).check();
  await chen.getByLabel('理由（选填）').fill('出差一周');
  await checkPage(chen, 'transfer-phone-picker');
  await chen.getByRole('button', { name: '确认转办给 林科长' }).click();
  await expect(chen.getByRole('status').filter({ hasText: '再点一次' })).toBeVisible();
  await chen.getByRole('button', { name: '确认转办给 林科长' }).click();
  await expect(chen).toHaveURL(/\/tasks$/);

  const lin = await loginAs(browser, 'cadre2', { phone: true });
  await lin.goto('/tasks');
  await lin.getByTestId('task-list').getByRole('link').filter({ hasText: caseNo }).first().click();
  await expect(lin).toHaveURL(new RegExp(`/applications/${id}`));
  await expect(lin.getByTestId('timeline')).toContainText('转办 · 交给 林科长');
  await expect(lin.getByTestId('timeline')).toContainText('出差一周');
  await checkPage(lin, 'transfer-phone-holder');
  await act(lin, '核实通过');
  await expect(lin.getByTestId('current-step')).toHaveText('校医院核实');

  // The one who handed it on still reads where it stands.
  await chen.goto(`/applications/${id}`);
  await expect(chen.getByTestId('current-step')).toHaveText('校医院核实');
});

test('bad input is refused in Chinese (English on request) and changes nothing; a second transfer of the same task is 409', async () => {
  const student = await apiLogin(base, 'student');
  const { id } = await startFitness(base, student, `转办错误 ${Date.now()}`);
  const counselor = await apiLogin(base, 'counselor');
  const view = await api<{ openTasks: Array<{ id: string; operations: string[] }>; revision: number }>(base, counselor, 'GET', `/api/v1/instances/${id}`);
  const task = view.body.openTasks[0]!;
  expect(task.operations).toEqual(['transfer', 'delegate', 'addSigner']);

  const self = await api(base, counselor, 'POST', `/api/v1/tasks/${task.id}/transfer`, { to: 'counselor' });
  expect([self.status, self.body.error.message]).toEqual([400, '不能转办给自己']);
  const selfEn = await api(base, counselor, 'POST', `/api/v1/tasks/${task.id}/transfer`, { to: 'counselor' }, { 'accept-language': 'en' });
  expect([selfEn.status, selfEn.body.error.message]).toEqual([400, 'You cannot transfer to yourself']);
  const doctor = await api(base, counselor, 'POST', `/api/v1/tasks/${task.id}/transfer`, { to: 'doctor' });
  expect([doctor.status, doctor.body.error.message]).toEqual([400, '刘医生 不能办理该环节，只能转办给具有相同岗位的人员']);
  const applicant = await api(base, counselor, 'POST', `/api/v1/tasks/${task.id}/delegate`, { to: 'student' });
  expect(applicant.status).toBe(400);
  const outsider = await api(base, await apiLogin(base, 'counselor2'), 'POST', `/api/v1/tasks/${task.id}/transfer`, { to: 'cadre2' });
  expect(outsider.status).toBe(404);

  const unchanged = await api<{ revision: number }>(base, counselor, 'GET', `/api/v1/instances/${id}`);
  expect(unchanged.body.revision).toBe(view.body.revision);

  const [first, second] = await Promise.all([
    api(base, counselor, 'POST', `/api/v1/tasks/${task.id}/transfer`, { to: 'cadre2', expectedRevision: view.body.revision }),
    api(base, counselor, 'POST', `/api/v1/tasks/${task.id}/transfer`, { to: 'cadre2', expectedRevision: view.body.revision }),
  ]);
  expect([first.status, second.status].sort()).toEqual([200, 409]);
  const conflict = first.status === 409 ? first : second;
  expect(conflict.body.error.message).toMatch(/刷新/);
});
