import { expect, type Browser, type Page } from '@playwright/test';
import { loginAs } from './login';
import { act, dayFromNow, openTask } from './processes';

type Check = (page: Page, name: string) => Promise<void>;

/**
 * 会签 (issue 16 item 5), told on a desktop or a phone: 林科长 applies to travel abroad; his
 * department leader and 组织部 approve; the two school leaders each approve — the first approval is
 * counted (1/2) and the step waits, the page shows who has acted and who is pending; the second
 * moves it on to 证照领取.
 */
export async function countersignStory(browser: Browser, check: Check, opts: { phone?: boolean; country: string }): Promise<void> {
  const cadre2 = await loginAs(browser, 'cadre2', { phone: opts.phone });
  await cadre2.goto('/services/cadre-private-travel/apply');
  await cadre2.getByLabel('前往国家（地区）').fill(opts.country);
  await cadre2.getByLabel('开始日期').fill(await dayFromNow(cadre2, 30));
  await cadre2.getByLabel('结束日期').fill(await dayFromNow(cadre2, 33));
  await cadre2.getByLabel('出行事由').fill('探亲');
  await cadre2.getByLabel('费用来源').selectOption('self');
  await cadre2.getByLabel('联系方式').fill('+65 0000 0000');
  await cadre2.getByRole('button', { name: '提交申请' }).click();
  await expect(cadre2.getByTestId('current-step')).toHaveText('部门负责人审核');
  const url = cadre2.url();
  const title = new RegExp(`林科长因私赴${opts.country}`);

  const dept = await loginAs(browser, 'cadre', { phone: opts.phone });
  await openTask(dept, title);
  await act(dept, '同意');
  const org = await loginAs(browser, 'org', { phone: opts.phone });
  await openTask(org, title);
  await act(org, '审核通过');

  // Both school leaders have the task; nobody has acted yet.
  const zhou = await loginAs(browser, 'leader', { phone: opts.phone });
  await openTask(zhou, title);
  await expect(zhou.getByTestId('current-step')).toHaveText('校领导会签');
  const progress = zhou.getByTestId('group-progress');
  await expect(progress).toContainText('会签 2 人');
  await expect(progress.locator('[data-status="pending"]')).toHaveCount(2);
  await check(zhou, 'countersign-leader-before');
  await act(zhou, '批准');

  // Counted, and the step waits for 钟副校长: the applicant sees who has acted and who is pending.
  await cadre2.goto(url);
  await expect(cadre2.getByTestId('current-step')).toHaveText('校领导会签');
  await expect(cadre2.getByTestId('timeline')).toContainText('批准（1/2）');
  await expect(cadre2.getByTestId('group-progress').locator('[data-status="approved"]')).toContainText('周校长');
  await expect(cadre2.getByTestId('group-progress').locator('[data-status="pending"]')).toContainText('钟副校长');
  await expect(cadre2.getByTestId('timeline').locator('li.pending')).toContainText('等待 钟副校长 办理');
  await check(cadre2, 'countersign-applicant-half');

  // 周校长 has nothing left to do here.
  await zhou.goto('/tasks');
  await expect(zhou.getByTestId('task-list').getByRole('link', { name: title })).toHaveCount(0);

  const zhong = await loginAs(browser, 'leader2', { phone: opts.phone });
  await openTask(zhong, title);
  await act(zhong, '批准');
  await expect(zhong.getByTestId('current-step')).toHaveText('证照领取');
  await expect(zhong.getByTestId('timeline')).toContainText('批准（2/2）');
  await expect(zhong.getByTestId('group-progress')).toHaveCount(0);
  await check(zhong, 'countersign-leader-after');
}
