import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoAccountsAllowed } from './matrix';

test('the matrix expectations come from the table: who may operate, monitor, handle letters, send notices', () => {
  assert.deepEqual(demoAccountsAllowed('admin.operate'), ['admin']);
  assert.deepEqual(demoAccountsAllowed('admin.integrations'), ['admin']);
  assert.deepEqual(demoAccountsAllowed('catalog.manage'), ['admin']);
  assert.deepEqual(demoAccountsAllowed('admin.monitor'), ['cadre', 'admin']);
  assert.deepEqual(demoAccountsAllowed('mailbox.stats'), ['mailbox', 'admin']);
  assert.deepEqual(demoAccountsAllowed('housing.ledger'), ['assets', 'admin']);
  assert.ok(demoAccountsAllowed('notice.compose').includes('assets'));
  assert.equal(demoAccountsAllowed('notice.compose').includes('student'), false);
  // 代理: staff see their own setting (a deputy without an approval role sees whom they stand in for); students never.
  const deputies = demoAccountsAllowed('me.out-of-office');
  assert.ok(deputies.includes('counselor') && deputies.includes('engoffice') && deputies.includes('admin'));
  for (const no of ['student', 'student2']) assert.equal(deputies.includes(no), false, no);
});
