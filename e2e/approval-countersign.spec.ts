import { expect, test } from '@playwright/test';
import { countersignStory } from './support/countersign-story';
import { loginAs } from './support/login';
import { snap } from './support/phone';

// 会签 on a desktop (1366×900): two school leaders approve 因私出国; the admin diagram marks the step.
test.setTimeout(240_000);

test('会签: 周校长’s approval counts 1/2 and waits, 钟副校长’s moves 因私出国 on', async ({ browser }) => {
  await countersignStory(browser, (page, name) => snap(page, `desktop-${name}`), { country: '新加坡' });
});

test('the admin diagram marks the group steps: 会签 on 因私出国 v2, 或签 and 依次 on 中层干部请假 v2, none on v1', async ({ browser }) => {
  const admin = await loginAs(browser, 'admin');
  await admin.goto('/admin/processes/cadre-private-travel/2');
  await expect(admin.locator('g[data-state="schoolLeaderApproval"] text[data-group]')).toHaveText('会签 · 2 人');
  await snap(admin, 'desktop-countersign-diagram');
  await admin.goto('/admin/processes/cadre-leave/2');
  await expect(admin.locator('g[data-state="deptLeaderReview"] text[data-group]')).toHaveText('或签 · 部门负责人');
  await expect(admin.locator('g[data-state="schoolLeaderReview"] text[data-group]')).toHaveText('依次审批 · 2 人');
  await admin.goto('/admin/processes/cadre-private-travel/1');
  await expect(admin.locator('g[data-state="schoolLeaderApproval"]')).toBeVisible();
  await expect(admin.locator('[data-group]')).toHaveCount(0);
});
