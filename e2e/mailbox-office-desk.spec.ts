import { expect, test, type Page } from '@playwright/test';
import { loginAs } from './support/login';
import { checkPage } from './support/phone';

// #18 item 15 on a desktop: the office sees letters by 流水号 (never a UUID), merges a duplicate
// by picking it from letters ranked by likeness, returns a draft that comes back prefilled for the
// rewrite, and reads the writer's rating in words in the log; the dashboard pictures 好差评 per department.
const FIRST = '二食堂晚餐排队太久';
const DUPLICATE = '二食堂晚饭排队时间太长';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const CASE_NO = /^[A-Z]{2}-\d{8}-\d{4}$/;

async function open(page: Page, subject: string) {
  await page.goto('/mailbox-office?filter=all');
  await page.getByTestId('desk-list').getByRole('link', { name: new RegExp(subject) }).first().click();
  await expect(page).toHaveURL(/\/mailbox-office\/[0-9a-f-]{36}$/);
}

test('校长信箱 desk: 流水号, merge via a ranked candidate, returned draft prefilled, rating words in the log, 好差评 per department', async ({ browser, request }) => {
  test.setTimeout(180_000);
  const write = async (subject: string, content: string) => {
    const r = await request.post('/api/v1/mailbox/letters', { data: { letter: { category: 'complaint', subject, content, anonymous: true, consentPublish: false } } });
    expect(r.status()).toBe(201);
    return ((await r.json()) as { trackingUrl: string }).trackingUrl.split('/').pop()!;
  };
  const token = await write(FIRST, '二食堂晚上排队超过 20 分钟，希望多开窗口。');
  await write('体育馆淋浴没有热水', '体育馆淋浴间晚上没有热水。');
  await write(DUPLICATE, '晚饭时间在二食堂排队要二十分钟，能不能多开几个窗口？');

  const office = await loginAs(browser, 'mailbox');
  await office.setViewportSize({ width: 1366, height: 900 });
  await open(office, FIRST);
  const firstCaseNo = (await office.getByTestId('case-no').textContent())!.trim();
  expect(firstCaseNo).toMatch(CASE_NO);

  // The duplicate: no UUID anywhere on the page; the first letter is offered first, by 流水号.
  await open(office, DUPLICATE);
  await expect(office.getByTestId('case-no')).toHaveText(CASE_NO);
  expect(await office.locator('main').innerText()).not.toMatch(UUID);
  const candidates = office.getByTestId('duplicate-candidates');
  await expect(candidates.getByRole('radio').first()).toHaveAccessibleName(new RegExp(`${firstCaseNo} ${FIRST}`));
  await checkPage(office, 'mailbox-desk-candidates');
  await candidates.getByRole('radio', { name: new RegExp(firstCaseNo) }).check();
  // Or typed: a 流水号 that names no letter is refused in words; the right one merges.
  await office.getByLabel('或填写原信件的流水号').fill('XZ-19990101-0001');
  await office.locator('#dup-comment').fill('同一问题，合并办理');
  await office.getByRole('button', { name: '合并为重复来信' }).click();
  await expect(office.getByTestId('desk-actions').getByRole('alert')).toHaveText('找不到流水号为 XZ-19990101-0001 的来信');
  await office.getByLabel('或填写原信件的流水号').fill(firstCaseNo.toLowerCase());
  await office.getByRole('button', { name: '合并为重复来信' }).click();
  await expect(office.getByTestId('desk-state')).toHaveText('已合并办理');

  // The first letter: accepted, assigned, drafted, returned with a note.
  await open(office, FIRST);
  await office.getByRole('button', { name: '受理', exact: true }).click();
  await office.getByLabel('后勤处').check();
  await office.getByRole('button', { name: '交办部门' }).click();
  await expect(office.getByTestId('assignment-logistics')).toContainText('起草中');
  const logistics = await loginAs(browser, 'logistics');
  await logistics.setViewportSize({ width: 1366, height: 900 });
  await open(logistics, FIRST);
  await logistics.getByLabel('答复稿').fill('已增开两个窗口。');
  await logistics.getByRole('button', { name: '提交答复稿' }).click();
  await expect(logistics.getByLabel('答复稿')).toHaveCount(0);
  await office.reload();
  await office.locator('[id^="return-logistics"]').fill('请写明从哪天起增开');
  await office.getByRole('button', { name: '退回修改' }).click();
  await expect(office.getByTestId('assignment-logistics')).toContainText('起草中');

  // The rewrite starts from the returned draft, with the office's note above it.
  await logistics.reload();
  await expect(logistics.getByTestId('returned-note')).toHaveText('校长办公室退回意见：请写明从哪天起增开');
  await expect(logistics.getByLabel('答复稿')).toHaveValue('已增开两个窗口。');
  await logistics.getByLabel('答复稿').fill('已增开两个窗口，自下周一起。');
  await logistics.getByRole('button', { name: '提交答复稿' }).click();
  await expect(logistics.getByLabel('答复稿')).toHaveCount(0);
  await office.reload();
  await office.getByRole('button', { name: '审核通过' }).click();
  await expect(office.getByTestId('desk-state')).toHaveText('已答复');

  // The writer rates 不满意 through the link: the log says so in words.
  const rated = await request.post(`/api/v1/mailbox/track/${token}/rate`, { data: { rating: 2, comment: '周末也排队' } });
  expect(rated.status()).toBe(200);
  await office.reload();
  const log = office.locator('.timeline');
  await expect(log).toContainText('评价：不满意 · 来信人');
  await expect(log).toContainText('来信 · 来信人');
  await expect(log).not.toContainText('applicant');
  await expect(log).not.toContainText('writer');
  await expect(office.getByTestId('desk-rating')).toHaveText('来信人评价：不满意 — 周末也排队');
  await expect(office.getByTestId('history-rating-comment')).toHaveText('周末也排队');
  await expect(office.getByTestId('desk-state')).toContainText('差评重新办理');
  await checkPage(office, 'mailbox-desk-rated');

  // 好差评 per responsible department on the dashboard, a bar of the five levels.
  const admin = await loginAs(browser, 'admin');
  await admin.setViewportSize({ width: 1366, height: 900 });
  await admin.goto('/admin/dashboard');
  const section = admin.getByTestId('stats-satisfaction-by-department');
  await expect(section.getByRole('heading')).toHaveText('好差评 · 按承办部门');
  await expect(section.getByRole('img', { name: '好差评 · 按承办部门' })).toContainText('后勤处');
  await section.getByText('数据表').click();
  await expect(section.locator('thead')).toContainText('非常满意满意基本满意不满意非常不满意');
  await expect(section.locator('tbody tr').filter({ hasText: '后勤处' })).toHaveCount(1);
  await section.scrollIntoViewIfNeeded();
  await checkPage(admin, 'dashboard-satisfaction');
});
