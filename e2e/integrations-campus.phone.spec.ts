import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';

test('a pushed timetable and grades reach only their student; a bad push applies nothing', async ({ browser, request }) => {
  const admin = await loginAs(browser, 'admin');
  const created = await admin.request.post('/api/v1/tokens', {
    data: { name: '教务系统 e2e', scopes: ['dataset:timetable', 'dataset:grades'], expiresInDays: 1 },
  });
  expect(created.status()).toBe(201);
  const { secret } = (await created.json()) as { secret: string };
  const auth = { Authorization: `Bearer ${secret}` };
  const lesson = (studentId: string, course: string) => ({
    studentId,
    term: '2026-2027-1',
    course,
    weekday: 2,
    periods: '7-8',
    weeks: '1-16',
    location: '信息楼 402',
    teacher: '周老师',
  });

  const bad = await request.put('/api/v1/integrations/timetable', {
    headers: auth,
    data: [lesson('student', '不应出现的课'), { ...lesson('student', '坏行'), weekday: 9 }],
  });
  expect(bad.status()).toBe(400);
  const badBody = (await bad.json()) as { report: { errors: Array<{ row: number }> } };
  expect(badBody.report.errors.map((e) => e.row)).toEqual([2]);

  const ok = await request.put('/api/v1/integrations/timetable', {
    headers: auth,
    data: [lesson('student', '数据库原理E2E'), lesson('student2', '土壤学E2E')],
  });
  expect(ok.status()).toBe(200);
  const again = await request.put('/api/v1/integrations/timetable', {
    headers: auth,
    data: [lesson('student', '数据库原理E2E'), lesson('student2', '土壤学E2E')],
  });
  expect(((await again.json()) as { updated: number }).updated).toBe(2);
  const grades = await request.put('/api/v1/integrations/grades', {
    headers: auth,
    data: { rows: [{ studentId: 'student', term: '2026-2027-1', course: '数据库原理E2E', credit: 3, score: '93', gradePoint: 4.3 }] },
  });
  expect(grades.status()).toBe(200);
  const noScope = await request.put('/api/v1/integrations/card', { headers: auth, data: [] });
  expect(noScope.status()).toBe(403);

  const student = await loginAs(browser, 'student');
  // A phone shows one day at a time: the pushed lesson is on Tuesday.
  await student.goto('/campus/timetable?day=2');
  await expect(student.getByTestId('timetable-day').getByText('数据库原理E2E')).toBeVisible();
  await expect(student.getByText('土壤学E2E')).toHaveCount(0);
  await expect(student.getByText('不应出现的课')).toHaveCount(0);
  const width = await student.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await student.goto('/campus/grades');
  await expect(student.getByText('数据库原理E2E')).toBeVisible();
  // The demo term has a 93 of its own: the pushed grade is read on its own row.
  await expect(student.locator('li', { hasText: '数据库原理E2E' })).toContainText('93');

  const student2 = await loginAs(browser, 'student2');
  await student2.goto('/campus/timetable?day=2');
  await expect(student2.getByTestId('timetable-day').getByText('土壤学E2E')).toBeVisible();
  await expect(student2.getByText('数据库原理E2E')).toHaveCount(0);
  await student2.goto('/campus/grades');
  await expect(student2.getByText('数据库原理E2E')).toHaveCount(0);
});

test('发票助手 shows copyable details and a server-rendered QR code', async ({ browser }) => {
  const page = await loginAs(browser, 'student');
  await page.goto('/campus/invoice');
  await expect(page.getByText('12440000455416469K')).toBeVisible();
  await expect(page.getByRole('button', { name: /复制：纳税人识别号/ })).toBeVisible();
  await expect(page.locator('.invoice-qr svg')).toHaveCount(1);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
});
