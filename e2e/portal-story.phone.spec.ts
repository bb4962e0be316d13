import { expect, test, type Page } from '@playwright/test';
import { loginAs, PDF_BYTES } from './support/login';

/** Phone first: nothing may scroll sideways at 360 px. */
async function expectNoSideScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}

test('on a phone a new student finds 体测 by pinyin initials, reads its guide, applies, and finds it under 我的申请', async ({ browser }) => {
  // 王芳, so that this story's open task never mixes with 李明's in e2e/fitness-exemption.spec.ts.
  const student = await loginAs(browser, 'student2');
  await expectNoSideScroll(student);

  await student.locator('nav.tabbar').getByRole('link', { name: '办事' }).click();
  await expect(student).toHaveURL(/\/services$/);
  await expectNoSideScroll(student);
  await student.getByRole('searchbox', { name: '搜索服务' }).fill('tc');
  await student.getByRole('button', { name: '搜索' }).click();
  const first = student.getByTestId('service-list').getByRole('link').first();
  await expect(first).toContainText('体质测试免测/缓测申请');
  await first.click();

  // The guide says who may apply, what to bring, how long it takes, whom to ask.
  await expect(student.getByRole('heading', { name: '体质测试免测/缓测申请' })).toBeVisible();
  for (const fact of ['办理对象', '所需材料', '办理时限', '咨询电话', '建设方式']) await expect(student.getByText(fact, { exact: true })).toBeVisible();
  await expect(student.getByText('二级及以上医院出具的诊断证明', { exact: false })).toBeVisible();
  await expectNoSideScroll(student);

  await student.getByRole('link', { name: '在线办理', exact: true }).click();
  await student.getByLabel(/免测/).check();
  await student.getByLabel('申请理由').fill('左踝关节骨折，石膏固定中，医嘱三个月内不得运动');
  await student.getByLabel('医院证明').setInputFiles({ name: '骨折证明.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
  await expect(student.getByText('骨折证明.pdf')).toBeVisible();
  await student.getByRole('button', { name: '提交申请' }).click();
  await expect(student).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);

  // 我的申请, reached from the home page, lists it with its current step.
  await student.locator('nav.tabbar').getByRole('link', { name: '首页' }).click();
  await student.getByRole('link', { name: /查看全部\s*我的申请/ }).click();
  await expect(student).toHaveURL(/\/applications$/);
  const mine = student.getByTestId('application-list');
  await expect(mine).toContainText('王芳的体质测试免测申请');
  await expect(mine).toContainText('当前环节：辅导员核实');
  await expectNoSideScroll(student);

  // Statistics read as a list on a phone.
  await student.goto('/services/stats');
  await expect(student.getByTestId('stats-list')).toBeVisible();
  await expectNoSideScroll(student);
});

test('search survives hostile input, and unknown filters are ignored with a note', async ({ browser }) => {
  const student = await loginAs(browser, 'student');
  for (const q of ['.*(', "'; drop table catalog_services; --", '😀', 'x'.repeat(1000)]) {
    const response = await student.goto(`/services?q=${encodeURIComponent(q)}`);
    expect(response?.status()).toBe(200);
  }
  await expect(student.getByText('搜索词过长')).toBeVisible();
  await student.goto('/services?theme=nope&department=nowhere');
  await expect(student.getByText('未知的筛选条件已忽略')).toBeVisible();
  await student.goto('/services?q=yibao');
  await expect(student.getByTestId('service-list').getByRole('link').first()).toContainText('城乡居民医保不参保申请');
});
