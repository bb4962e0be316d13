import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { loginAs, PDF_BYTES } from './support/login';

function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(','));
}

test.setTimeout(180_000);

test('admin: live counts on the diagram, replay of one instance, dashboard CSV matching the database; others kept out', async ({ browser }) => {
  // An instance that has moved one step: the student applies, the counselor verifies.
  const student = await loginAs(browser, 'student');
  await student.goto('/services/fitness-test-exemption/apply');
  await student.getByLabel(/免测/).check();
  await student.getByLabel('申请理由').fill('踝关节骨折，医嘱三个月内避免剧烈运动');
  await student.getByLabel('医院证明').setInputFiles({ name: '骨折证明.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
  await expect(student.getByText('骨折证明.pdf')).toBeVisible();
  await student.getByRole('button', { name: '提交申请' }).click();
  await expect(student).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  const instanceId = student.url().split('/').pop()!;

  const counselor = await loginAs(browser, 'counselor');
  await counselor.goto(`/applications/${instanceId}`);
  await counselor.getByRole('button', { name: '核实通过' }).click();
  await expect(counselor.getByTestId('current-step')).toHaveText('校医院核实');

  // A student reaches none of it: pages and API answer 403.
  const denied = await student.goto('/admin');
  expect(denied?.status()).toBe(403);
  expect((await student.goto('/admin/dashboard'))?.status()).toBe(403);
  const api = await student.request.get('/api/v1/admin/stats/by-process');
  expect(api.status()).toBe(403);

  // The admin opens the diagram and sees the live count on the state the instance sits in.
  const admin = await loginAs(browser, 'admin');
  await admin.goto('/admin');
  await admin.getByRole('link', { name: /流程定义与流程图/ }).click();
  await admin.getByRole('link', { name: /流程图 体质测试免测\/缓测申请 v1/ }).click();
  await expect(admin).toHaveURL(/\/admin\/processes\/fitness-test-exemption\/1/, { timeout: 30_000 });
  const diagram = admin.getByTestId('diagram');
  await expect(diagram.locator('svg')).toBeVisible();
  const hospitalNow = Number(await admin.getByTestId('now-hospitalReview').innerText());
  expect(hospitalNow).toBeGreaterThanOrEqual(1);
  await expect(diagram.locator('g[data-state="hospitalReview"] text[data-count]')).toHaveAttribute('data-count', String(hospitalNow));
  await expect(diagram.locator('g[data-state="approved"] rect')).toHaveCount(2); // a final state: double outline
  await admin.screenshot({ path: 'test-results/monitor-diagram.png', fullPage: true });
  // Coloured by the p90 stay instead, the state where applications wait longest is the strongest.
  await admin.getByLabel('着色依据').selectOption('p90');
  await admin.getByRole('button', { name: '应用' }).click();
  await expect(admin).toHaveURL(/by=p90/);
  // Colour classes with thresholds in words; the state applications waited in has a class above none.
  await expect(admin.getByTestId('heat-legend')).toContainText('> 7 天');
  await expect(diagram.locator('g[data-state="counselorReview"]')).not.toHaveAttribute('data-heat', '0');

  // It finds the instance, verifies its chain and steps through its replay.
  await admin.goto(`/admin/instances?q=${instanceId}`);
  await admin.getByTestId('instance-results').getByRole('link').first().click();
  await expect(admin.getByTestId('chain')).toContainText('✓');
  await expect(admin.getByTestId('admin-current-state')).toHaveText('校医院核实');
  await expect(admin.getByTestId('replay-step')).toContainText('第 2 / 2 步');
  await expect(admin.getByTestId('replay-diagram')).toHaveAttribute('data-active', 'hospitalReview');
  await admin.getByRole('button', { name: '上一步' }).click();
  await expect(admin.getByTestId('replay-step')).toContainText('第 1 / 2 步');
  await expect(admin.getByTestId('replay-diagram')).toHaveAttribute('data-active', 'counselorReview');
  await expect(admin.getByTestId('replay-diagram').locator('g[data-state="counselorReview"]')).toHaveAttribute('data-active', 'true');
  await admin.getByRole('button', { name: '下一步' }).click();
  await expect(admin.getByTestId('replay-diagram')).toHaveAttribute('data-active', 'hospitalReview');
  await expect(admin.getByTestId('event-log').locator('tbody tr')).toHaveCount(2);
  await admin.screenshot({ path: 'test-results/monitor-instance.png', fullPage: true });

  // The dashboard's CSV says what the database says (the definitions list counts by another query).
  await admin.goto('/admin/processes');
  const row = admin.getByTestId('definitions').locator('tr', { hasText: '体质测试免测/缓测申请' });
  const cells = row.locator('td.num');
  const running = Number(await cells.nth(1).innerText());
  const finished = Number(await cells.nth(2).innerText());
  await admin.goto('/admin/dashboard');
  const section = admin.getByTestId('stats-by-process');
  const [download] = await Promise.all([admin.waitForEvent('download'), section.getByRole('link', { name: '导出 CSV' }).click()]);
  const csv = parseCsv(await readFile((await download.path())!, 'utf8'));
  expect(csv[0]).toEqual(['流程', '发起', '进行中', '已办结', '未通过', '撤回/取消']);
  const fitness = csv.find((r) => r[0] === '体质测试免测/缓测申请')!;
  expect(Number(fitness[1])).toBe(running + finished);
  expect(Number(fitness[2])).toBe(running);
  expect(Number(fitness[1])).toBeGreaterThanOrEqual(1);
  // The table beside the chart shows the same numbers.
  await expect(section.locator('table tbody tr', { hasText: '体质测试免测/缓测申请' }).locator('td').nth(1)).toHaveText(String(running + finished));

  // A department leader sees only their department: an engineering student's instance is hidden.
  const leader = await loginAs(browser, 'cadre');
  expect((await leader.goto('/admin'))?.status()).toBe(200);
  await expect(leader.getByText(/仅可查看本部门/)).toBeVisible();
  expect((await leader.goto(`/admin/instances/${instanceId}`))?.status()).toBe(404);
  expect((await leader.request.get('/api/v1/admin/stats/by-process?department=engineering')).status()).toBe(403);
});
