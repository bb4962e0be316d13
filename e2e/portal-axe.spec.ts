import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loginAs } from './support/login';

const STUDENT_PAGES = ['/', '/services', '/services?q=tc', '/services/fitness-test-exemption', '/services/logistics-facility-repair', '/services/stats', '/tasks', '/tasks?status=done', '/applications', '/messages', '/messages?filter=unread', '/me'];
const ADMIN_PAGES = ['/', '/me', '/services/stats?sort=online&dir=desc', '/admin/catalog', '/admin/catalog?status=testing', '/admin/catalog/new', '/admin/catalog/import'];

/** Every serious or critical violation on the page, as one readable line each. */
async function audit(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return bad.map((v) => `${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

for (const locale of ['zh-CN', 'en-US']) {
  test(`axe: no serious or critical violation on a student's portal pages (${locale})`, async ({ browser }) => {
    test.setTimeout(300_000);
    const found: string[] = [];
    const student = await loginAs(browser, 'student', { locale });
    for (const path of STUDENT_PAGES) found.push(...(await audit(student, path)));
    expect(found).toEqual([]);
  });

  test(`axe: no serious or critical violation on the admin's pages (${locale})`, async ({ browser }) => {
    test.setTimeout(300_000);
    const found: string[] = [];
    const admin = await loginAs(browser, 'admin', { locale });
    for (const path of ADMIN_PAGES) found.push(...(await audit(admin, path)));
    await admin.goto('/admin/catalog');
    await admin.getByTestId('admin-service-list').getByRole('link').first().click();
    found.push(...(await audit(admin, new URL(admin.url()).pathname)));
    expect(found).toEqual([]);
  });
}
