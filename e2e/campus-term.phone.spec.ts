import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';
import { checkPage } from './support/phone';

test.setTimeout(180_000);

// Issue 18 item 13: 掌上校园 from 首页 on a phone — the timetable one day at a time, the week as
// a grid at a desk, 校历 without a developer's note, money as a statement writes it, and a term
// of demo data worth looking at.
test('掌上校园: from 首页 to a day of the timetable, the week grid at a desk, 校历 with its holidays, the card in -¥ amounts', async ({ browser }) => {
  const student = await loginAs(browser, 'student', { phone: true });
  const home = student.getByTestId('home-campus');
  await expect(home.getByRole('heading', { name: '掌上校园' })).toBeVisible();
  await home.getByRole('link', { name: '课表查询' }).click();
  await expect(student).toHaveURL(/\/campus\/timetable$/);

  // A phone: one day, the days as tabs, today's picked; the week grid is not drawn.
  const day = student.getByTestId('timetable-day');
  await expect(day.getByRole('link', { name: /星期/ })).toHaveCount(5);
  await expect(day.locator('a[aria-current="page"]')).toHaveCount(1);
  await expect(student.getByTestId('timetable-week')).toBeHidden();
  await day.getByRole('link', { name: '星期一' }).click();
  await expect(day.getByRole('heading', { name: /^星期一/ })).toBeVisible();
  for (const course of ['高等数学A', '大学物理', '思想道德与法治']) await expect(day.getByText(course)).toBeVisible();
  await expect(day.getByText('程序设计基础')).toHaveCount(0);
  await checkPage(student, 'timetable-day');

  await student.goto('/campus/calendar');
  await expect(student.locator('main')).not.toContainText('合并后');
  await expect(student.locator('main')).not.toContainText('仅显示教学周');
  await expect(student.getByTestId('days-off')).toContainText('国庆节');
  await expect(student.getByTestId('days-off')).toContainText('2026-10-01 — 2026-10-07');
  await expect(student.getByTestId('days-off')).toContainText('调休上班');
  await checkPage(student, 'calendar');

  await student.goto('/campus/card');
  const amounts = await student.locator('.campus-rows .value').allInnerTexts();
  expect(amounts.length).toBeGreaterThanOrEqual(60);
  expect(amounts.some((a) => /^-¥\d+\.\d{2}$/.test(a))).toBe(true);
  expect(amounts.some((a) => /^\+¥\d{1,3}(,\d{3})*\.\d{2}$/.test(a))).toBe(true);
  expect(amounts.filter((a) => a.includes('¥-'))).toEqual([]);
  await checkPage(student, 'card');

  await student.goto('/campus/grades');
  await expect(student.getByText('微积分A（1）')).toBeVisible();
  await student.goto('/campus/exams');
  await expect(student.getByText('2027-01-11')).toBeVisible();

  // At a desk: the week as a grid (days across, periods down); no day tabs.
  const desk = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 }, storageState: await student.context().storageState() });
  const page = await desk.newPage();
  await page.goto('/campus/timetable');
  const week = page.getByTestId('timetable-week');
  await expect(week).toBeVisible();
  await expect(page.getByTestId('timetable-day')).toBeHidden();
  for (const d of ['星期一', '星期二', '星期三', '星期四', '星期五']) await expect(week.getByText(d, { exact: true })).toBeVisible();
  expect(await week.locator('.tt-lesson').count()).toBeGreaterThanOrEqual(15);
  // 高等数学A on Monday, periods 1–2: first column of days, the first two period rows.
  const maths = week.locator('.tt-lesson', { hasText: '高等数学A' }).first();
  expect(await maths.evaluate((el) => [getComputedStyle(el).gridColumnStart, getComputedStyle(el).gridRowStart, getComputedStyle(el).gridRowEnd])).toEqual(['2', '2', '4']);
  await checkPage(page, 'timetable-week-desktop');
  await page.goto('/');
  await checkPage(page, 'home-desktop');
});
