import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { loginAs } from './support/login';

// Every page of the portal, by who can open it (pages of one record are reached by clicking).
const STUDENT_PAGES = [
  '/', '/services', '/services?q=tc', '/services/fitness-test-exemption', '/services/fitness-test-exemption/apply',
  '/services/dorm-repair/apply', '/services/logistics-facility-repair', '/services/stats', '/tasks', '/tasks?status=done',
  '/tasks?status=mine', '/applications', '/messages', '/messages?filter=unread', '/me', '/me/notifications', '/me/tokens', '/repairs',
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
  // 待办 with a batchable step chosen (boxes and the batch form), and 抄送我.
  ['counselor', ['/tasks?process=fitness-test-exemption&step=counselorReview', '/tasks?status=cc']],
];
/** Pages without an account: login and 校长信箱. */
const PUBLIC_PAGES = ['/login', '/mailbox', '/mailbox/write', '/mailbox/track', '/mailbox/replies'];

/**
 * In English, one page of each kind. The markup is the same components in both locales; what the
 * locale changes is the text and the lang attribute, which these cover. Auditing all ~55 pages
 * twice made this the longest spec of the suite, and it timed out on a loaded CI machine.
 */
const EN_SAMPLE = new Set([
  '/', '/services', '/services/fitness-test-exemption/apply', '/tasks', '/applications', '/me/notifications', '/campus/timetable',
  '/admin', '/admin/processes/fitness-test-exemption/1', '/admin/dashboard', '/admin/people', '/mailbox-office', '/notices/new',
  '/login', '/mailbox/write',
]);
const forLocale = (locale: string, paths: string[]) => (locale === 'zh-CN' ? paths : paths.filter((p) => EN_SAMPLE.has(p)));

/** Every serious or critical violation on the page, as one readable line each. */
async function audit(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return bad.map((v) => `${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/**
 * One test per page, each with the spec timeout of its own: a whole group in one test (up to 25
 * pages at ~3 s of axe each) ran past its 300 s limit on a loaded CI machine. The signed-in page
 * of a group is made once (beforeAll) and reused by its tests.
 */
function auditGroup(locale: string, title: string, open: (browser: Browser) => Promise<Page>, paths: string[], more?: (page: Page) => Promise<string>) {
  test.describe(`axe (${locale}): ${title}`, () => {
    let page: Page;
    test.beforeAll(async ({ browser }) => {
      page = await open(browser);
    });
    test.afterAll(async () => {
      await page?.context().close();
    });
    for (const path of forLocale(locale, paths)) {
      test(`no serious or critical violation on ${path}`, async () => {
        expect(await audit(page, path)).toEqual([]);
      });
    }
    if (more) {
      test('no serious or critical violation on a record page reached by clicking', async () => {
        const path = await more(page);
        if (path) expect(await audit(page, path)).toEqual([]);
      });
    }
  });
}

for (const locale of ['zh-CN', 'en-US']) {
  // One application of the student's, when earlier stories left one.
  auditGroup(locale, 'student', (browser) => loginAs(browser, 'student', { locale }), STUDENT_PAGES, async (student) => {
    await student.goto('/applications');
    const first = student.locator('a[href^="/applications/"]').first();
    return (await first.count()) ? (await first.getAttribute('href'))! : '';
  });
  auditGroup(locale, 'administrator', (browser) => loginAs(browser, 'admin', { locale }), ADMIN_PAGES, async (admin) => {
    await admin.goto('/admin/catalog');
    await admin.getByTestId('admin-service-list').getByRole('link').first().click();
    await admin.waitForURL(/\/admin\/catalog\/./);
    return new URL(admin.url()).pathname;
  });
  for (const [who, paths] of OTHER_PAGES) auditGroup(locale, who, (browser) => loginAs(browser, who, { locale }), paths);
  auditGroup(locale, 'visitor without an account', async (browser) => (await browser.newContext({ locale })).newPage(), PUBLIC_PAGES);
}
