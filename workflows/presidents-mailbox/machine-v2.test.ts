import assert from 'node:assert/strict';
import { test } from 'node:test';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import type { LetterForm } from './form';
import { mailboxMachineV2, type MailboxContextV2 } from './machine-v2';

const form: LetterForm = { category: 'complaint', subject: 's', content: 'c', anonymous: true, consentPublish: false, attachments: [] };
const send = (s: AnyMachineSnapshot, type: string, extra: Record<string, unknown> = {}) => transition(mailboxMachineV2, s, { type, actorId: null, ...extra })[0];
const ctx = (s: AnyMachineSnapshot) => s.context as MailboxContextV2;

function replied(): AnyMachineSnapshot {
  let s: AnyMachineSnapshot = initialTransition(mailboxMachineV2, { form, applicantId: null })[0];
  s = send(send(s, 'accept'), 'assign', { input: { departments: ['logistics', 'assets'], deadline: '2026-03-16T02:00:00Z' } });
  for (const org of ['logistics', 'assets']) s = send(s, 'submitDraft', { taskOrgUnitId: org, input: { reply: `${org} 答复` } });
  for (const org of ['logistics', 'assets']) s = send(s, 'approveDraft', { input: { orgUnitId: org } });
  assert.equal(s.value, 'replied');
  return s;
}

test('v2: 基本满意 and better close the letter', () => {
  for (const rating of [5, 4, 3]) {
    const s = send(replied(), 'rate', { input: { rating } });
    assert.equal(s.value, 'closed');
    assert.equal(ctx(s).rating?.value, rating);
  }
});

test('v2: 不满意 reopens for the same departments with the deadline the engine gave; the new reply rated poorly goes to the office', () => {
  let s = send(replied(), 'rate', { input: { rating: 2, comment: '还是排队', deadline: '2026-03-10T02:00:00Z' } });
  assert.ok(s.matches({ reopened: { clock: 'onTime' } }));
  assert.deepEqual(ctx(s).draftingOrgs, ['logistics', 'assets']);
  assert.deepEqual(ctx(s).assignments.map((a) => a.note), ['还是排队', '还是排队']);
  assert.equal(ctx(s).deadline, '2026-03-10T02:00:00Z');
  assert.equal(ctx(s).round, 2);
  for (const org of ['logistics', 'assets']) s = send(s, 'submitDraft', { taskOrgUnitId: org, input: { reply: `${org} 新答复` } });
  for (const org of ['logistics', 'assets']) s = send(s, 'approveDraft', { input: { orgUnitId: org } });
  assert.equal(s.value, 'repliedAgain');
  assert.deepEqual(ctx(s).replies.map((r) => r.round), [1, 1, 2, 2]);
  assert.equal(send(s, 'rate', { input: { rating: 1 } }).value, 'supervising');
  assert.equal(send(s, 'rate', { input: { rating: 4 } }).value, 'closed');
});

test('v2: 非常不满意 reopens too; overdue reopened work goes to the school leader', () => {
  let s = send(replied(), 'rate', { input: { rating: 1 } });
  s = send(s, 'reopenOverdue');
  assert.ok(s.matches({ reopened: { clock: 'overdue' } }));
});
