import { expect, test } from '@playwright/test';
import { loginAs, PDF_BYTES } from './support/login';

test.beforeAll(async ({ browser }) => {
  // One instance started today: the charts have something to draw on a fresh database.
  const student = await loginAs(browser, 'student');
  await student.goto('/services/fitness-test-exemption/apply');
  await student.getByLabel(/免测/).check();
  await student.getByLabel('申请理由').fill('踝关节骨折，医嘱三个月内避免剧烈运动');
  await student.getByLabel('医院证明').setInputFiles({ name: '骨折证明.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
  await expect(student.getByText('骨折证明.pdf')).toBeVisible();
  await student.getByRole('button', { name: '提交申请' }).click();
  await expect(student).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  await student.context().close();
});

test('the dashboard is pictures that fit a laptop screen and a phone, numbers one click away', async ({ browser }) => {
  const admin = await loginAs(browser, 'admin');
  await admin.setViewportSize({ width: 1366, height: 900 });
  await admin.goto('/admin/dashboard');
  const started = admin.getByTestId('stats-started-by-month');
  await expect(started.locator('.chart-wide svg.chart')).toBeVisible();
  // The numbers behind a chart: folded under 数据表, and as CSV.
  const table = started.locator('details.stats-table');
  await expect(table.locator('table')).toBeHidden();
  await table.getByText('数据表').click();
  await expect(table.locator('table')).toBeVisible();
  await expect(started.getByRole('link', { name: '导出 CSV' })).toHaveAttribute('href', /format=csv/);
  // Per day, per month, per term: one chart each, never a table of hundreds of rows.
  await admin.getByRole('link', { name: '按日' }).click();
  await expect(admin.getByTestId('stats-started-by-day').locator('.chart-wide svg.chart')).toBeVisible();
  await admin.getByRole('link', { name: '按学期' }).click();
  await expect(admin.getByTestId('stats-started-by-term').locator('.chart-wide svg.chart')).toBeVisible();
  await admin.goto('/admin/dashboard');
  const height = await admin.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThan(3000);
  // Overdue tasks: by department in working days, never a "-" row.
  await expect(admin.getByTestId('stats-overdue-by-department')).not.toContainText(/小时|未填单位/);
  // 催办 per step: titled in words, steps by name (the counts themselves: tests/monitor-urges.test.ts).
  const urges = admin.getByTestId('stats-urges-by-step');
  await expect(urges.getByRole('heading', { name: '催办次数 · 按环节' })).toBeVisible();
  await expect(urges).not.toContainText(/counselorReview|fitness-test-exemption/);
  await admin.screenshot({ path: test.info().outputPath('dashboard-urges.png'), fullPage: true });

  await admin.setViewportSize({ width: 360, height: 740 });
  await admin.goto('/admin/dashboard');
  const overflow = await admin.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // Chart text stays readable on a phone: the smallest label is drawn at 9 px or more.
  const smallest = await admin.evaluate(() =>
    Math.min(...[...document.querySelectorAll('svg.chart text')].map((t) => (t as SVGTextElement).getBoundingClientRect().height).filter((h) => h > 0)),
  );
  expect(smallest).toBeGreaterThanOrEqual(9);
});
