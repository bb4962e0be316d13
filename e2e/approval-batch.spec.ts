import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';
import { checkPage } from './support/phone';
import { api, apiLogin, startFitness } from './support/proof-http';
import { appServer } from './support/server';

// 批量审批 on a desktop (issue 16 item 9): the counselor of 工程学院 verifies three 体测 applications
// with one comment; one the student withdrew meanwhile is reported by its 流水号, the others move on.
test.use({ viewport: { width: 1366, height: 900 } });

test('批量审批: three of 辅导员核实 with one comment, one withdrawn meanwhile is reported, the rest go to 校医院', async ({ browser }) => {
  const { base } = appServer();
  const student = await apiLogin(base, 'student');
  const apps = [];
  for (const reason of ['批量一：膝关节术后康复', '批量二：踝关节扭伤', '批量三：哮喘急性发作期']) apps.push(await startFitness(base, student, reason));
  const caseNos = apps.map((a) => a.caseNo as string);
  expect(caseNos.every((c) => /^[A-Z]{2,3}-\d{8}-\d{4}$/.test(c))).toBe(true);

  const page = await loginAs(browser, 'counselor');
  // A link with the step chosen (filters in the address are not kept: nobody else's view changes).
  await page.goto('/tasks?process=fitness-test-exemption&step=counselorReview');
  const list = page.getByTestId('task-list');
  for (const c of caseNos) await expect(list).toContainText(c);
  await expect(page.getByRole('heading', { name: '批量办理' })).toBeVisible();
  for (const c of caseNos) await page.getByRole('checkbox', { name: new RegExp(`选择 ${c}`) }).check();
  await expect(page.getByTestId('batch-count')).toHaveText('已选 3 件');

  // The step verifies medical certificates: without the tick the server refuses, nothing happens.
  await page.getByLabel('意见（对所选各件相同）').fill('情况属实，同意');
  await page.getByRole('button', { name: '批量核实通过（3 件）' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '附件' })).toBeVisible();

  // The student withdraws the second one before the counselor sends.
  const withdrawn = await api(base, student, 'POST', `/api/v1/instances/${apps[1].id}/events`, { type: 'withdraw' });
  expect(withdrawn.status).toBe(200);
  await page.getByLabel('我已逐件查阅所选申请的附件').check();
  await checkPage(page, 'batch-desktop-ready');
  await page.getByRole('button', { name: '批量核实通过（3 件）' }).click();
  const result = page.getByTestId('batch-result');
  await expect(result).toContainText('已核实通过 2 件');
  await expect(result).toContainText(`1 件未办理：`);
  await expect(result).toContainText(caseNos[1]!);
  await expect(result).toContainText('已被处理');
  // The list goes on without them (when they were all it held, it says there is nothing to do).
  const rest = list.or(page.getByText('没有待办事项'));
  for (const c of caseNos) await expect(rest).not.toContainText(c);
  await checkPage(page, 'batch-desktop-result');

  // Each went on its own: the student sees 校医院核实 with the comment on the first.
  const view = await api(base, student, 'GET', `/api/v1/instances/${apps[0].id}`);
  expect(view.body.state).toBe('hospitalReview');
  expect(JSON.stringify(view.body.timeline)).toContain('情况属实，同意');
  expect((await api(base, student, 'GET', `/api/v1/instances/${apps[1].id}`)).body.status).toBe('withdrawn');
});

test('批量审批 refuses, in Chinese (English on request), what is not one person’s one step', async () => {
  const { base } = appServer();
  const counselor = await apiLogin(base, 'counselor');
  const student2 = await apiLogin(base, 'student2');
  const student = await apiLogin(base, 'student');
  const theirs = await startFitness(base, student2, '批量：农学院的申请');
  const mine = await startFitness(base, student, '批量：工程学院的申请');
  const tasksOf = async (cookie: string) => (await api(base, cookie, 'GET', '/api/v1/tasks')).body.tasks as Array<{ id: string; instanceId: string }>;
  const counselor2 = await apiLogin(base, 'counselor2');
  const theirTask = (await tasksOf(counselor2)).find((t) => t.instanceId === theirs.id)!;
  const myTask = (await tasksOf(counselor)).find((t) => t.instanceId === mine.id)!;

  const foreign = await api(base, counselor, 'POST', '/api/v1/tasks/batch', { taskIds: [myTask.id, theirTask.id], attachmentsConfirmed: true });
  expect(foreign.status).toBe(403);
  expect(foreign.body.error.message).toContain('不由您办理');
  const en = await api(base, counselor, 'POST', '/api/v1/tasks/batch', { taskIds: [theirTask.id] }, { 'accept-language': 'en' });
  expect(en.status).toBe(403);
  expect(en.body.error.message).toMatch(/not yours/);
  const tooMany = await api(base, counselor, 'POST', '/api/v1/tasks/batch', { taskIds: Array.from({ length: 101 }, () => crypto.randomUUID()) });
  expect(tooMany.status).toBe(400);
  expect(tooMany.body.error.message).toContain('最多批量办理 100 件');
  // A student holds no step: same refusal, nothing learnt.
  const byStudent = await api(base, student, 'POST', '/api/v1/tasks/batch', { taskIds: [myTask.id] });
  expect(byStudent.status).toBe(403);
  // Both are still waiting.
  expect((await api(base, student, 'GET', `/api/v1/instances/${mine.id}`)).body.state).toBe('counselorReview');
  expect((await api(base, student2, 'GET', `/api/v1/instances/${theirs.id}`)).body.state).toBe('counselorReview');
});
