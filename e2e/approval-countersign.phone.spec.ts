import { test } from '@playwright/test';
import { countersignStory } from './support/countersign-story';
import { checkPage } from './support/phone';

// 会签 on a phone (360×740): the same story, each page checked for sideways scroll and axe.
test.setTimeout(240_000);

test('会签 on a phone: both school leaders approve 因私出国, the page shows who has acted', async ({ browser }) => {
  await countersignStory(browser, (page, name) => checkPage(page, `phone-${name}`), { phone: true, country: '泰国' });
});
