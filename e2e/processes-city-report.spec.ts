import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';
import { act, dayFromNow, openTask } from './support/processes';

test('离穗报备: cadre2 reports, edits before it starts, 组织部 acknowledges', async ({ browser }) => {
  const cadre2 = await loginAs(browser, 'cadre2');
  await cadre2.goto('/services/cadre-leave-city-report/apply');
  await cadre2.getByLabel('目的地').fill('北京');
  await cadre2.getByLabel('开始日期').fill(await dayFromNow(cadre2, 5));
  await cadre2.getByLabel('结束日期').fill(await dayFromNow(cadre2, 4));
  // 一表通: the contact starts as the phone the hall knows (人事信息, or what cadre2 typed last time).
  await expect(cadre2.getByLabel('联系方式')).not.toHaveValue('');
  await expect(cadre2.getByTestId('source-contact')).toHaveText(/^来自 (人事信息|上次填写)$/);
  await cadre2.getByLabel('联系方式').fill('13800000000');
  await cadre2.getByRole('button', { name: '提交申请' }).click();
  await expect(cadre2.getByRole('alert').first()).toContainText('结束日期不能早于开始日期');
  await cadre2.getByLabel('结束日期').fill(await dayFromNow(cadre2, 8));
  await cadre2.getByRole('button', { name: '提交申请' }).click();
  await expect(cadre2.getByTestId('current-step')).toHaveText('待组织部确认');

  await cadre2.getByLabel('目的地').fill('上海');
  await Promise.all([cadre2.waitForEvent('load'), cadre2.getByRole('button', { name: '修改报备' }).click()]);
  await expect(cadre2.getByTestId('timeline')).toContainText('修改报备');

  const org = await loginAs(browser, 'org');
  await openTask(org, /林科长的离穗报备/);
  await act(org, '确认收到');
  await expect(org.getByTestId('current-step')).toHaveText('组织部已确认');
});
