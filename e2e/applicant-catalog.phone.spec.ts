import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';
import { checkPage } from './support/phone';

test('a student’s catalog lists the services for students; the rest are behind 全部, without 在线办理', async ({ browser }) => {
  const student = await loginAs(browser, 'student');
  await student.goto('/services');
  const list = student.getByTestId('service-list');
  await expect(student.getByRole('link', { name: '适合我' })).toHaveAttribute('aria-current', 'page');
  await expect(list).toContainText('体质测试免测/缓测申请');
  await expect(list).not.toContainText('中层干部请假申请');
  await expect(student.getByRole('link', { name: /另有 \d+ 项面向其他人群的服务/ })).toBeVisible();
  await checkPage(student, 'catalog-for-me');

  await student.getByRole('link', { name: '全部', exact: true }).click();
  await expect(student).toHaveURL(/all=1/);
  await expect(list).toContainText('中层干部请假申请');
  // Offered online only where the policy lets this student start it.
  await expect(list.getByRole('link', { name: /中层干部请假申请/ })).not.toContainText('可在线办理');
  await expect(list.getByRole('link', { name: /体质测试免测\/缓测申请/ })).toContainText('可在线办理');
  await list.getByRole('link', { name: /中层干部请假申请/ }).click();
  await expect(student.getByRole('heading', { name: '中层干部请假申请' })).toBeVisible();
  await expect(student.getByRole('link', { name: '在线办理', exact: true })).toHaveCount(0);
  await checkPage(student, 'catalog-not-for-me');
});

test('search ranks by relevance: yibao is 医保不参保申请 first, tice never finds 周转房缴费通知', async ({ browser }) => {
  const student = await loginAs(browser, 'student');
  await student.goto('/services?all=1&q=yibao');
  const links = student.getByTestId('service-list').getByRole('link');
  await expect(links.first()).toContainText('城乡居民医保不参保申请');
  await expect(student.getByTestId('service-list')).not.toContainText('学术会议报备');
  expect(await links.count()).toBeLessThanOrEqual(3);
  await student.goto('/services?all=1&q=tice');
  await expect(links.first()).toContainText('体质测试免测/缓测申请');
  await expect(student.getByTestId('service-list')).not.toContainText('周转房缴费通知');
  await checkPage(student, 'catalog-search-tice');
});

test('a cadre’s catalog puts the cadre services under 适合我', async ({ browser }) => {
  const cadre = await loginAs(browser, 'cadre');
  await cadre.goto('/services');
  const list = cadre.getByTestId('service-list');
  await expect(list).toContainText('中层干部请假申请');
  await expect(list).not.toContainText('体质测试免测/缓测申请');
});
