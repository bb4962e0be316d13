import { test } from '@playwright/test';
import { approvalRecordStory } from './support/approval-record';

test('审批记录 on a phone: download the PDF, verify it signed out (已核验); an edited PDF and a made-up number fail (无法核验)', async ({ browser }) => {
  test.setTimeout(240_000);
  await approvalRecordStory(browser, 'phone');
});
