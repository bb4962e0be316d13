import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnyStateNode } from 'xstate';
import { allDefinitions } from '../registry';
import type { StateMeta } from '../engine/types';
import { eventLabel, guardLabel, stateLabel, timerLabel } from './definition-labels';
import { presidentsMailboxV1 } from '../presidents-mailbox/definition';
import { cadreLeaveV1 } from '../cadre-leave/definition';
import { cadrePrivateTravelV1 } from '../cadre-private-travel/definition';

const CJK = /[\u4e00-\u9fff]/;

function nodes(root: AnyStateNode): AnyStateNode[] {
  const out: AnyStateNode[] = [];
  const walk = (n: AnyStateNode) => {
    out.push(n);
    Object.values(n.states).forEach((c) => walk(c as AnyStateNode));
  };
  walk(root);
  return out.slice(1);
}

const guardName = (g: unknown) => (typeof g === 'string' ? g : (g as { type?: string } | undefined)?.type);

test('every state, event, guard and timer of every definition has words of its own in Chinese and English', () => {
  for (const d of allDefinitions()) {
    for (const n of nodes(d.machine.root)) {
      const path = n.path.join('.');
      const state = stateLabel(d, path);
      assert.match(state.zh, CJK, `${d.id} state ${path}`);
      assert.notEqual(state.en, path, `${d.id} state ${path} in English`);
      for (const timer of (n.meta as StateMeta | undefined)?.timers ?? []) {
        if (timer.from) assert.ok(timer.label, `${d.id} ${path}: a timer counted from a form date says what it means`);
        assert.match(timerLabel(timer).zh, CJK);
      }
      for (const t of [...[...n.transitions.values()].flat(), ...(n.always ?? [])]) {
        const type = t.eventType || 'always';
        const label = eventLabel(d, type, path);
        assert.match(label.zh, CJK, `${d.id} ${path}: event ${type}`);
        assert.notEqual(label.en, type, `${d.id} ${path}: event ${type} in English`);
        const guard = guardName(t.guard);
        if (guard) assert.match(guardLabel(d, guard).zh, CJK, `${d.id} ${path}: guard ${guard}`);
      }
    }
  }
});

test("an event reads as the action people clicked in the state it left, and timers say how long nobody acted", () => {
  assert.equal(eventLabel(cadrePrivateTravelV1, 'approve', 'orgReview').zh, '审核通过');
  assert.equal(eventLabel(cadrePrivateTravelV1, 'approve', 'schoolLeaderApproval').zh, '批准');
  assert.equal(eventLabel(cadrePrivateTravelV1, 'issuePassport', 'passportIssue').zh, '已发放证照');
  assert.equal(eventLabel(cadrePrivateTravelV1, 'ESCALATE', 'awaitingReturn').zh, '回国超过 10 天未交回证照');
  // A parallel state's event is offered by a task inside it; its timers sit on the parallel state.
  assert.equal(eventLabel(presidentsMailboxV1, 'accept', 'triage').zh, '受理');
  assert.equal(eventLabel(presidentsMailboxV1, 'acceptOverdue', 'triage.clock.onTime').zh, '超过 3 个工作日未处理');
  assert.equal(eventLabel(presidentsMailboxV1, 'rate', 'replied').zh, '来信人评价');
  assert.equal(eventLabel(undefined, 'submit').zh, '提交申请');
  assert.equal(guardLabel(cadreLeaveV1, 'isLongLeave').zh, '请假超过 3 个工作日');
});

test('a parallel state set reads as its states’ labels', () => {
  assert.equal(stateLabel(presidentsMailboxV1, 'triage.clock.onTime,triage.office.open').zh, '受理未超时、校长办公室受理');
  assert.equal(stateLabel(presidentsMailboxV1, 'triage.clock.onTime,triage.office.open').en, 'Acceptance on time, Mailbox office triage');
});
