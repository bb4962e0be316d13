import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';
import { act } from './support/processes';
import { apiLogin, startFitness } from './support/proof-http';
import { appServer } from './support/server';

// 加签 / 减签 (issue 16, item 4) on a desktop: 陈老师 (the 工程学院 counselor) asks 周校长 to sign
// before him (前加签: he signs, the task comes back, 陈老师 decides), and after him (后加签: 周校长
// decides), taking one back (减签) before 周校长 acted. No roles change: the school leader may be
// added by anyone, so this runs with the other desktop stories.
test.use({ viewport: { width: 1366, height: 900 } });

test('前加签: 周校长 signs first and cannot decide; the task comes back and 陈老师 decides', async ({ browser }, info) => {
  const { base } = appServer();
  const { id } = await startFitness(base, await apiLogin(base, 'student'), `前加签故事 ${Date.now()}`);

  const counselor = await loginAs(browser, 'counselor');
  await counselor.goto(`/applications/${id}`);
  await counselor.getByRole('button', { name: '加签', exact: true }).click();
  await counselor.getByRole('radio', { name: /前加签/ }).check();
  await counselor.getByLabel('搜索姓名、工号或拼音').fill('周');
  await counselor.getByRole('radio', { name: /周校长/ }).check();
  await counselor.getByLabel('理由（选填）').fill('病情较重，请校领导先签');
  await counselor.screenshot({ path: info.outputPath('signer-picker.png'), fullPage: true });
  await Promise.all([counselor.waitForEvent('load'), counselor.getByRole('button', { name: '确认加签 周校长' }).click()]);
  await expect(counselor.getByTestId('task-holder')).toContainText('已请 周校长 先签署');
  // While he signs, the step is not the counselor's to decide.
  await expect(counselor.getByRole('button', { name: '核实通过' })).toHaveCount(0);

  const leader = await loginAs(browser, 'leader');
  await leader.goto(`/applications/${id}`);
  await expect(leader.getByText('陈老师 请您对这项申请提出意见或签署')).toBeVisible();
  // A signer before the holder signs; the decision stays with the holder.
  await expect(leader.getByRole('button', { name: '核实通过' })).toHaveCount(0);
  await leader.getByLabel('您的意见').fill('同意免测');
  await leader.getByRole('button', { name: '提交意见' }).click();
  await expect(leader).toHaveURL(/\/tasks$/);

  await counselor.reload();
  const timeline = counselor.getByTestId('timeline');
  await expect(timeline).toContainText('前加签 · 交给 周校长');
  await expect(timeline).toContainText('病情较重，请校领导先签');
  await expect(timeline).toContainText('同意免测');
  await expect(counselor.getByTestId('task-holder')).toContainText('当前由 陈老师 办理');
  await act(counselor, '核实通过');
  await expect(counselor.getByTestId('current-step')).toHaveText('校医院核实');
  for (const entry of ['提交申请', '前加签', '会签', '核实通过']) await expect(counselor.getByTestId('timeline')).toContainText(entry);
});

test('后加签: 陈老师 signs and 周校长 decides; 减签 before he acts brings the task back', async ({ browser }, info) => {
  const { base } = appServer();
  const { id } = await startFitness(base, await apiLogin(base, 'student'), `后加签故事 ${Date.now()}`);

  const counselor = await loginAs(browser, 'counselor');
  const addAfter = async (reason: string) => {
    await counselor.getByRole('button', { name: '加签', exact: true }).click();
    await counselor.getByRole('radio', { name: /后加签/ }).check();
    await counselor.getByLabel('搜索姓名、工号或拼音').fill('zxz');
    await counselor.getByRole('radio', { name: /周校长/ }).check();
    await counselor.getByLabel('理由（选填）').fill(reason);
    await Promise.all([counselor.waitForEvent('load'), counselor.getByRole('button', { name: '确认加签 周校长' }).click()]);
    await expect(counselor.getByTestId('task-holder')).toContainText('已后加签，由 周校长 决定');
  };
  await counselor.goto(`/applications/${id}`);
  await addAfter('我已核实，请校领导决定');

  // 减签 while 周校长 has not acted: asked once, then the task is the counselor's again.
  await counselor.getByRole('button', { name: '减签', exact: true }).click();
  await counselor.getByRole('button', { name: '确认减签' }).click();
  await expect(counselor.getByRole('status').filter({ hasText: '确认减签' })).toBeVisible();
  await Promise.all([counselor.waitForEvent('load'), counselor.getByRole('button', { name: '确认减签' }).click()]);
  await expect(counselor.getByTestId('task-holder')).toContainText('当前由 陈老师 办理');
  await expect(counselor.getByRole('button', { name: '核实通过' })).toBeVisible();
  await expect(counselor.getByTestId('timeline')).toContainText('减签');

  const leader = await loginAs(browser, 'leader');
  await leader.goto(`/applications/${id}`);
  await expect(leader.getByRole('button', { name: '核实通过' })).toHaveCount(0);

  // Again, and this time 周校长 decides.
  await addAfter('我已核实，请校领导决定');
  await counselor.screenshot({ path: info.outputPath('signer-after.png'), fullPage: true });
  await expect(counselor.getByRole('button', { name: '核实通过' })).toHaveCount(0);
  await leader.reload();
  await act(leader, '核实通过');
  await expect(leader.getByTestId('current-step')).toHaveText('校医院核实');
  // Once he acted, there is nothing left to take back.
  await counselor.reload();
  await expect(counselor.getByRole('button', { name: '减签', exact: true })).toHaveCount(0);
  for (const entry of ['后加签 · 交给 周校长', '减签', '核实通过']) await expect(counselor.getByTestId('timeline')).toContainText(entry);
});
