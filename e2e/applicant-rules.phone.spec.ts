import { expect, test, type Page } from '@playwright/test';
import { loginAs } from './support/login';
import { checkPage, snap } from './support/phone';
import { advanceClock, dayFromNow } from './support/processes';

// Issue 18 item 8: what the guides state holds — the application window, the 销假 date, the
// passport's return. Moves the server's test clock: listed in EXCLUSIVE (playwright.config.ts).
test.setTimeout(240_000);

/** The server's day in Beijing, 'YYYY-MM-DD'. */
const serverDay = (page: Page) => dayFromNow(page, 0);

/** Whole days from the server's day to `day` (both Beijing dates). */
async function daysUntil(page: Page, day: string): Promise<number> {
  return Math.round((Date.parse(day) - Date.parse(await serverDay(page))) / 86_400_000);
}

async function api(page: Page, method: 'POST', url: string, data: unknown) {
  const res = await page.request.fetch(url, { method, data });
  return { status: res.status(), body: (await res.json()) as { id?: string; revision?: number; error?: { message: string } } };
}

test('医保不参保 outside 每年 9 月 30 日前: the guide names the next window, 在线办理 is gone, the API refuses', async ({ browser }) => {
  const student = await loginAs(browser, 'student2', { phone: true });
  // The story needs a closed window: from October on (other specs may have moved the clock into the next year).
  const today = await serverDay(student);
  if (today.slice(5) <= '09-30') await advanceClock(student, await daysUntil(student, `${today.slice(0, 4)}-10-02`));
  const year = Number((await serverDay(student)).slice(0, 4));

  await student.goto('/services/insurance-opt-out');
  await expect(student.getByTestId('application-window')).toHaveText(`每年 9 月 30 日前（现已截止，下次 ${year + 1}-01-01 起）`);
  await expect(student.getByTestId('window-closed')).toContainText(`下次申请时间为 ${year + 1} 年 1 月 1 日至 ${year + 1} 年 9 月 30 日`);
  await expect(student.getByRole('link', { name: '在线办理' })).toHaveCount(0);
  await checkPage(student, 'rules-window-closed-phone');

  // The form says it before anyone types, and the start path refuses whatever the client does.
  await student.goto('/services/insurance-opt-out/apply');
  await expect(student.getByTestId('window-closed')).toContainText('不在申请时间内');
  await expect(student.getByRole('button', { name: '提交申请' })).toHaveCount(0);
  const refused = await api(student, 'POST', '/api/v1/instances', { process: 'insurance-opt-out', input: { insurer: '湛江市城镇职工医保', proof: [] } });
  expect(refused.status).toBe(422);
  expect(refused.body.error?.message).toContain(`下次申请时间为 ${year + 1} 年 1 月 1 日`);

  const desktop = await loginAs(browser, 'student2');
  await desktop.setViewportSize({ width: 1366, height: 900 });
  await desktop.goto('/services/insurance-opt-out');
  await snap(desktop, 'rules-window-closed-desktop');

  // On 2 January the window is open again, with this round's closing day.
  await advanceClock(student, await daysUntil(student, `${year + 1}-01-02`));
  await student.goto('/services/insurance-opt-out');
  await expect(student.getByTestId('application-window')).toHaveText(`每年 9 月 30 日前（本期截止 ${year + 1}-09-30）`);
  await expect(student.getByRole('link', { name: '在线办理' })).toBeVisible();
});

test('销假 asks for the day the cadre was back: not before the leave began', async ({ browser }) => {
  const cadre2 = await loginAs(browser, 'cadre2', { phone: true });
  const startDate = await dayFromNow(cadre2, 1);
  const endDate = await dayFromNow(cadre2, 2);
  const started = await api(cadre2, 'POST', '/api/v1/instances', {
    process: 'cadre-leave',
    input: { leaveType: 'personal', reason: '处理家中事务', deputy: 'cadre', contact: '13800000000', startDate, endDate },
  });
  expect(started.status).toBe(201);
  const id = started.body.id!;
  const leader = await loginAs(browser, 'cadre');
  expect((await api(leader, 'POST', `/api/v1/instances/${id}/events`, { type: 'approve', expectedRevision: started.body.revision })).status).toBe(200);
  const org = await loginAs(browser, 'org');
  expect((await api(org, 'POST', `/api/v1/instances/${id}/events`, { type: 'file', expectedRevision: started.body.revision! + 1 })).status).toBe(200);

  await advanceClock(cadre2, 3);
  await cadre2.goto(`/applications/${id}`);
  const form = cadre2.getByRole('region', { name: '销假' });
  await expect(form.getByText(`假期：${startDate} 至 ${endDate}`)).toBeVisible();
  await form.getByLabel('实际返岗日期').fill(await dayFromNow(cadre2, -4));
  await form.getByRole('button', { name: '销假' }).click();
  await expect(cadre2.getByRole('alert').first()).toContainText(`实际返岗日期不能早于假期开始日期（${startDate}）`);
  await checkPage(cadre2, 'rules-report-back-phone');
  await form.getByLabel('实际返岗日期').fill(endDate);
  await Promise.all([cadre2.waitForEvent('load'), form.getByRole('button', { name: '销假' }).click()]);
  await expect(cadre2.getByTestId('current-step')).toHaveText('已销假');
});

test('因私出国: the cadre sees when the passport is due back; 证照已交回 waits for the trip to end', async ({ browser }) => {
  const cadre2 = await loginAs(browser, 'cadre2', { phone: true });
  const startDate = await dayFromNow(cadre2, 2);
  const endDate = await dayFromNow(cadre2, 4);
  const started = await api(cadre2, 'POST', '/api/v1/instances', {
    process: 'cadre-private-travel',
    input: { countries: ['新加坡'], purpose: '探亲', fundedBy: 'self', contact: '+65 8000 0000', startDate, endDate },
  });
  expect(started.status).toBe(201);
  const id = started.body.id!;
  let revision = started.body.revision!;
  const leader = await loginAs(browser, 'cadre');
  const org = await loginAs(browser, 'org');
  const school = await loginAs(browser, 'leader');
  const school2 = await loginAs(browser, 'leader2');
  for (const [who, type] of [
    [leader, 'approve'],
    [org, 'approve'],
    // 校领导会签 (v2): both school leaders.
    [school, 'approve'],
    [school2, 'approve'],
    [org, 'issuePassport'],
  ] as const) {
    const sent = await api(who, 'POST', `/api/v1/instances/${id}/events`, { type, expectedRevision: revision });
    expect(sent.status, type).toBe(200);
    revision = sent.body.revision!;
  }

  await cadre2.goto(`/applications/${id}`);
  await expect(cadre2.getByTestId('deadline')).toHaveText(`${await dayFromNow(cadre2, 14)} 前交回证照（回国后 10 日内）`);
  await checkPage(cadre2, 'rules-passport-deadline-phone');

  await org.goto(`/applications/${id}`);
  await org.getByRole('button', { name: '证照已交回', exact: true }).click();
  await expect(org.getByRole('alert').first()).toContainText(`行程尚未结束（${endDate} 回国），不能登记证照已交回`);
  await expect(org.getByTestId('current-step')).toHaveText('待交回证照');

  await advanceClock(org, 5);
  await org.goto(`/applications/${id}`);
  await Promise.all([org.waitForEvent('load'), org.getByRole('button', { name: '证照已交回', exact: true }).click()]);
  await expect(org.getByTestId('current-step')).toHaveText('证照已交回，办结');
});
