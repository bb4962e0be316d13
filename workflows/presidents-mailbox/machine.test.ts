import assert from 'node:assert/strict';
import { test } from 'node:test';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import type { LetterForm } from './form';
import { mailboxMachine, type MailboxContext } from './machine';

const form: LetterForm = { category: 'suggestion', subject: 's', content: 'c', anonymous: true, consentPublish: false, attachments: [] };
const send = (s: AnyMachineSnapshot, type: string, extra: Record<string, unknown> = {}) =>
  transition(mailboxMachine, s, { type, actorId: null, ...extra })[0];
const ctx = (s: AnyMachineSnapshot) => s.context as MailboxContext;

test('two departments draft in parallel; replied only once both drafts are approved', () => {
  let s: AnyMachineSnapshot = initialTransition(mailboxMachine, { form, applicantId: null })[0];
  s = send(s, 'accept');
  s = send(s, 'assign', { input: { departments: ['logistics', 'assets'], deadline: '2026-03-20T10:00:00Z' } });
  assert.deepEqual(ctx(s).draftingOrgs, ['logistics', 'assets']);
  s = send(s, 'submitDraft', { taskOrgUnitId: 'logistics', input: { reply: 'a' } });
  assert.deepEqual(ctx(s).draftingOrgs, ['assets']);
  assert.ok(s.matches({ handling: { review: 'pending' } }));
  // A department cannot submit twice nor for another unit.
  assert.equal(s.can({ type: 'submitDraft', actorId: null, taskOrgUnitId: 'logistics', input: { reply: 'b' } }), false);
  s = send(s, 'approveDraft', { input: { orgUnitId: 'logistics' } });
  assert.ok(s.matches({ handling: { review: 'waiting' } }));
  s = send(s, 'submitDraft', { taskOrgUnitId: 'assets', input: { reply: 'b' } });
  s = send(s, 'approveDraft', { input: { orgUnitId: 'assets' } });
  assert.equal(s.value, 'replied');
  assert.deepEqual(ctx(s).replies.map((r) => r.text), ['a', 'b']);
  s = send(s, 'rate', { input: { rating: 'unsatisfied' } });
  assert.equal(s.value, 'supervising');
  s = send(s, 'assign', { input: { departments: ['security'], deadline: '2026-04-01T10:00:00Z' } });
  assert.equal(ctx(s).round, 2);
  assert.equal(ctx(s).rating, null);
});

test('transfer request: the office reassigns to another department', () => {
  let s: AnyMachineSnapshot = initialTransition(mailboxMachine, { form, applicantId: null })[0];
  s = send(send(s, 'accept'), 'assign', { input: { departments: ['assets'], deadline: '2026-03-20T10:00:00Z' } });
  s = send(s, 'requestTransfer', { taskOrgUnitId: 'assets', comment: '不归我们管' });
  assert.ok(s.matches({ handling: { review: 'pending' } }));
  s = send(s, 'reassign', { input: { orgUnitId: 'assets', toOrgUnitId: 'logistics' } });
  assert.deepEqual(ctx(s).draftingOrgs, ['logistics']);
});

test('timers: reminder then escalation during triage; out of scope ends it', () => {
  let s: AnyMachineSnapshot = initialTransition(mailboxMachine, { form, applicantId: null })[0];
  s = send(s, 'acceptReminder');
  s = send(s, 'acceptOverdue');
  assert.ok(s.matches({ triage: { office: 'reminded', clock: 'overdue' } }));
  s = send(s, 'outOfScope', { comment: '不属于学校职责' });
  assert.equal(s.value, 'notAccepted');
  assert.equal(s.status, 'done');
});
