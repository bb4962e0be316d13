import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loginAs } from './support/login';

// Every page of the portal, by who can open it (pages of one record are reached by clicking).
const STUDENT_PAGES = [
  '/', '/services', '/services?q=tc', '/services/fitness-test-exemption', '/services/fitness-test-exemption/apply',
  '/services/dorm-repair/apply', '/services/logistics-facility-repair', '/services/stats', '/tasks', '/tasks?status=done',
  '/applications', '/messages', '/messages?filter=unread', '/me', '/me/notifications', '/me/tokens', '/repairs',
  '/campus', '/campus/timetable', '/campus/grades', '/campus/exams', '/campus/calendar', '/campus/card', '/campus/invoice',
];
const ADMIN_PAGES = [
  '/', '/me', '/services/stats?sort=online&dir=desc', '/admin/catalog', '/admin/catalog?status=testing', '/admin/catalog/new',
  '/admin/catalog/import', '/admin', '/admin/processes', '/admin/processes/fitness-test-exemption/1', '/admin/instances',
  '/admin/dashboard', '/admin/migrations', '/admin/operations', '/admin/people', '/admin/org-units', '/admin/import',
  '/admin/calendar', '/admin/notifications', '/admin/integrations', '/admin/integrations/webhooks',
];
const OTHER_PAGES: Array<[string, string[]]> = [
  ['mailbox', ['/mailbox-office', '/mailbox-office?filter=all', '/mailbox-office/stats']],
  ['assets', ['/notices', '/notices/new']],
  ['cadre2', ['/services/cadre-leave/apply', '/services/cadre-private-travel/apply']],
];
/** Pages without an account: login and 校长信箱. */
const PUBLIC_PAGES = ['/login', '/mailbox', '/mailbox/write', '/mailbox/track', '/mailbox/replies'];

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
    // One application of theirs, when earlier stories left one.
    await student.goto('/applications');
    const first = student.locator('a[href^="/applications/"]').first();
    if (await first.count()) found.push(...(await audit(student, (await first.getAttribute('href'))!)));
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

  test(`axe: no serious or critical violation on staff and public pages (${locale})`, async ({ browser }) => {
    test.setTimeout(300_000);
    const found: string[] = [];
    for (const [who, paths] of OTHER_PAGES) {
      const page = await loginAs(browser, who, { locale });
      for (const path of paths) found.push(...(await audit(page, path)));
      await page.context().close();
    }
    const visitor = await (await browser.newContext({ locale })).newPage();
    for (const path of PUBLIC_PAGES) found.push(...(await audit(visitor, path)));
    expect(found).toEqual([]);
  });
}
