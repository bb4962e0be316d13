import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loginAs } from './support/login';

const STUDENT_PAGES = ['/', '/services', '/services?q=tc', '/services/fitness-test-exemption', '/services/logistics-facility-repair', '/services/stats', '/tasks', '/tasks?status=done', '/applications', '/messages', '/messages?filter=unread', '/me'];
const ADMIN_PAGES = ['/', '/me', '/services/stats?sort=online&dir=desc', '/admin/catalog', '/admin/catalog?status=testing', '/admin/catalog/new', '/admin/catalog/import'];

async function audit(page: Page, path: string) {
  await page.goto(path);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
}

for (const locale of ['zh-CN', 'en-US']) {
  test(`axe: no serious or critical violation on portal pages (${locale})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const student = await loginAs(browser, 'student', { locale });
    for (const path of STUDENT_PAGES) await audit(student, path);
    const admin = await loginAs(browser, 'admin', { locale });
    for (const path of ADMIN_PAGES) await audit(admin, path);
    await admin.goto('/admin/catalog');
    await admin.getByTestId('admin-service-list').getByRole('link').first().click();
    await audit(admin, new URL(admin.url()).pathname);
  });
}
