import { test } from '@playwright/test';
import { deputyStory, endDeputy } from './support/deputy-story';
import { checkPage } from './support/phone';
import { appServer } from './support/server';

// 代理 on a phone (360×740): the same story, each page checked for sideways scroll and axe.
test.setTimeout(240_000);

let base: string;
test.beforeAll(async () => {
  base = appServer().base;
  await endDeputy(base);
});
test.afterAll(async () => endDeputy(base));

test('代理 on a phone: 陈老师 sets 何老师 under 我的; he approves her application', async ({ browser }, info) => {
  await deputyStory(browser, base, info, (page, name) => checkPage(page, `phone-${name}`));
});
