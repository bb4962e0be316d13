import { expect, test } from '@playwright/test';
import { checkPage } from './support/phone';

test('a visitor without an account browses the guides, reaches 校长信箱 and is offered sign-in instead of 在线办理', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();

  // 首页 is the visitors' page, not a redirect to the login page.
  await page.goto('/');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: '欢迎来到紫荆e站' })).toBeVisible();
  await checkPage(page, 'visitor-home');

  // The catalog lists every group's services; a guide reads in full, with sign-in in place of 在线办理.
  await page.locator('nav.tabbar').getByRole('link', { name: '办事指南' }).click();
  await expect(page).toHaveURL(/\/services$/);
  await expect(page.getByRole('link', { name: /中层干部请假申请/ })).toBeVisible();
  await expect(page.getByText('可在线办理')).toHaveCount(0);
  await checkPage(page, 'visitor-catalog');
  await page.getByRole('searchbox', { name: '搜索服务' }).fill('tice');
  await page.getByRole('button', { name: '搜索' }).click();
  await page.getByTestId('service-list').getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: '体质测试免测/缓测申请' })).toBeVisible();
  for (const fact of ['办理对象', '所需材料', '办理时限', '咨询电话']) await expect(page.getByText(fact, { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: '在线办理', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /收藏/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '登录后在线办理' })).toHaveAttribute('href', '/login?callbackUrl=%2Fservices%2Ffitness-test-exemption');
  await checkPage(page, 'visitor-guide');

  // 校长信箱 from 首页: write, track by query code, published replies.
  await page.goto('/');
  await page.getByRole('link', { name: '给校长写信' }).click();
  await expect(page).toHaveURL(/\/mailbox\/write$/);
  await page.goto('/');
  await page.getByRole('link', { name: '按查询码查询来信' }).click();
  await expect(page).toHaveURL(/\/mailbox\/track$/);
  await page.getByRole('link', { name: '首页' }).first().click();
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole('link', { name: '公开答复' }).click();
  await expect(page).toHaveURL(/\/mailbox\/replies$/);

  // The login page links the same public pages; a page that needs an account still asks for it.
  await page.goto('/login');
  const publicLinks = page.getByRole('navigation', { name: '无需登录' });
  for (const [name, href] of [
    ['查看办事指南', '/services'],
    ['给校长写信', '/mailbox/write'],
    ['按查询码查询来信', '/mailbox/track'],
    ['公开答复', '/mailbox/replies'],
  ] as const) {
    await expect(publicLinks.getByRole('link', { name })).toHaveAttribute('href', href);
  }
  await checkPage(page, 'visitor-login');
  await publicLinks.getByRole('link', { name: '查看办事指南' }).click();
  await expect(page).toHaveURL(/\/services$/);
  await page.goto('/applications');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fapplications/);
  await page.goto('/services/fitness-test-exemption/apply');
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await context.close();
});
