import { expect, test, type Page } from '@playwright/test';
import { WecomStandIn } from '../tests/helpers/standins/wecom';
import { loginAs, PDF_BYTES } from './support/login';
import { appServer } from './support/server';

// The app is configured (playwright.config.ts) to send WeChat Work messages to port + 8.
let wecom: WecomStandIn;

test.beforeAll(async () => {
  wecom = new WecomStandIn(appServer().port + 8);
  await wecom.start();
});
test.afterAll(async () => {
  await wecom.stop();
});

async function apply(student: Page, reason: string) {
  await student.goto('/services/fitness-test-exemption/apply');
  await student.getByLabel(/免测/).check();
  await student.getByLabel('申请理由').fill(reason);
  await student.getByLabel('医院证明').setInputFiles({ name: '诊断证明.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
  await expect(student.getByText('诊断证明.pdf')).toBeVisible();
  await student.getByRole('button', { name: '提交申请' }).click();
  await expect(student).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  return { url: student.url(), caseNo: (await student.getByTestId('case-no').textContent())!.trim() };
}

/**
 * The task reminder with an action link sent to `user` since `since` about the application `caseNo`
 * (reminders of earlier specs' applications may arrive late: they were retried until the stand-in
 * listened).
 */
async function cardFor(user: string, since: number, caseNo: string) {
  const mine = () =>
    wecom.messages
      .slice(since)
      .filter((m) => m.touser === user && new URL(m.textcard.url).pathname.startsWith('/act/') && m.textcard.description.includes(caseNo));
  await expect.poll(() => mine().length, { timeout: 20_000 }).toBeGreaterThan(0);
  return mine()[0]!;
}

test('counselor: reminder in the message center and on WeChat Work; approves from the action link in two taps', async ({ browser }) => {
  const since = wecom.messages.length;
  const student = await loginAs(browser, 'student');
  const { url: applicationUrl, caseNo } = await apply(student, '右膝前交叉韧带损伤，术后康复期，医嘱半年内禁止剧烈运动');

  // The reminder is in the counselor's message center…
  const counselor = await loginAs(browser, 'counselor');
  await counselor.getByRole('link', { name: /消息/ }).first().click();
  await expect(counselor.getByTestId('message-list')).toContainText(/体质测试免测\/缓测申请 · 辅导员核实 · 待您办理/);

  // …and went out as a WeChat Work text card whose link opens a confirmation page.
  const card = await cardFor('counselor', since, caseNo);
  expect(card.textcard.title).toContain('新待办');
  const link = new URL(card.textcard.url);
  expect(link.pathname).toMatch(/^\/act\//);

  // Someone else cannot use it.
  const other = await loginAs(browser, 'counselor2');
  await other.goto(link.pathname);
  await expect(other.getByTestId('act-problem')).toContainText('发给其他人');

  // A tampered link is refused.
  await counselor.goto(`${link.pathname.slice(0, -3)}xyz`);
  await expect(counselor.getByTestId('act-problem')).toContainText('无效');

  // Tap 1: open the link. Tap 2: approve.
  await counselor.goto(link.pathname);
  await expect(counselor.getByRole('heading', { name: '李明的体质测试免测申请' })).toBeVisible();
  await expect(counselor.getByText('辅导员核实')).toBeVisible();
  await counselor.getByRole('button', { name: '核实通过' }).click();
  await expect(counselor.getByRole('status')).toContainText('已处理：核实通过');

  // Acted through the engine: the application moved on, with the counselor in its timeline.
  await student.goto(applicationUrl);
  await expect(student.getByTestId('current-step')).toHaveText('校医院核实');
  await expect(student.getByTestId('timeline')).toContainText('陈老师');

  // Single use.
  await counselor.goto(link.pathname);
  await expect(counselor.getByTestId('act-problem')).toContainText('已使用过');
});

test('a return from the link needs a reason, like in the portal', async ({ browser }) => {
  const since = wecom.messages.length;
  const student = await loginAs(browser, 'student');
  const { url: applicationUrl, caseNo } = await apply(student, '踝关节扭伤，医嘱两个月内避免剧烈运动，需缓测');
  const counselor = await loginAs(browser, 'counselor');
  const card = await cardFor('counselor', since, caseNo);
  await counselor.goto(new URL(card.textcard.url).pathname);
  await counselor.getByRole('button', { name: '退回修改' }).click();
  await expect(counselor.getByText('请填写理由（必填）')).toBeVisible();
  await counselor.getByLabel('意见').fill('请补充诊断证明原件照片');
  await counselor.getByRole('button', { name: '退回修改' }).click();
  await expect(counselor.getByRole('status')).toContainText('已处理：退回修改');
  await student.goto(applicationUrl);
  await expect(student.getByTestId('current-step')).toHaveText('退回修改');
});

test('service worker push handler shows the notification (delivered over CDP)', async ({ browser }) => {
  const page = await loginAs(browser, 'counselor');
  await page.context().grantPermissions(['notifications']);
  const cdp = await page.context().newCDPSession(page);
  const registrations = new Map<string, string>();
  cdp.on('ServiceWorker.workerRegistrationUpdated', (e: { registrations: Array<{ registrationId: string; scopeURL: string }> }) => {
    for (const r of e.registrations) registrations.set(r.scopeURL, r.registrationId);
  });
  await cdp.send('ServiceWorker.enable');
  await page.evaluate(async () => {
    await navigator.serviceWorker.register('/push-sw.js', { scope: '/push-sw/' });
    const reg = await navigator.serviceWorker.getRegistration('/push-sw/');
    await new Promise<void>((resolve) => {
      const w = reg!.installing ?? reg!.waiting ?? reg!.active!;
      if (w.state === 'activated') return resolve();
      w.addEventListener('statechange', () => w.state === 'activated' && resolve());
    });
  });
  const origin = new URL(page.url()).origin;
  await expect.poll(() => registrations.get(`${origin}/push-sw/`)).toBeTruthy();
  // A worker that has just activated may miss the first push: deliver again until it shows.
  await expect(async () => {
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin,
      registrationId: registrations.get(`${origin}/push-sw/`)!,
      data: JSON.stringify({ title: '新待办：李明的体质测试免测申请', body: '待您办理（辅导员核实）', url: '/tasks' }),
    });
    const shown = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration('/push-sw/');
      return (await reg!.getNotifications()).map((n) => `${n.title}|${n.body}|${(n.data as { url: string }).url}`);
    });
    expect(shown).toContain('新待办：李明的体质测试免测申请|待您办理（辅导员核实）|/tasks');
  }).toPass({ timeout: 20_000 });
});

test('通知设置: a counselor turns a kind off and it stays off', async ({ browser }) => {
  const page = await loginAs(browser, 'counselor');
  await page.goto('/me');
  await page.getByRole('link', { name: /通知设置/ }).click();
  await expect(page.getByRole('heading', { name: '通知设置' })).toBeVisible();
  await expect(page.getByLabel('企业微信')).toBeChecked();
  await expect(page.getByLabel('电子邮件 （本校未开通）')).toBeDisabled();
  await page.getByLabel('申请进度变化').uncheck();
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('申请进度变化')).not.toBeChecked();
  await expect(page.getByLabel('新待办提醒')).toBeChecked();
});
