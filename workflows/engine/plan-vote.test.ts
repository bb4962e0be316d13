/**
 * 会签 / 或签 / 依次 as paths: every order in which a group's members may act (each yes or no) is
 * played through countVote, and the step must be decided exactly when the group's rule says —
 * by whom, with which event, after how many acts. Then a whole 因私出国 v2 instance runs through
 * its 会签 with the real planners (no database).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cadrePrivateTravelV2 } from '../cadre-private-travel/definition';
import type { Actor } from './actor';
import { weekdayCalendar } from './calendar';
import type { GroupMember } from './group-members';
import { groupStates } from './group-members';
import type { InstanceRow, TaskRow, TransitionPlan } from './plan';
import { planEvent, planStart } from './plan-transition';
import { countVote, memberTask, planVote, visitTasks } from './plan-vote';
import type { GroupMeta, StateMeta } from './types';

const now = new Date('2026-03-02T02:00:00Z');
const meta: StateMeta = {
  label: { zh: '校领导会签', en: 'Leaders sign' },
  task: { role: 'school_leader', scope: { kind: 'global' }, actions: [{ type: 'approve', label: { zh: '同意', en: 'Approve' } }, { type: 'reject', label: { zh: '不同意', en: 'Reject' } }] },
};
const members = (n: number): GroupMember[] => Array.from({ length: n }, (_, i) => ({ id: `m${i}`, name: `成员${i}` }));

/** Every sequence of acts: which member acts next (among those holding an open task) and yes/no. */
function* orders(n: number, sequence: boolean, prefix: Array<[number, boolean]> = []): Generator<Array<[number, boolean]>> {
  if (prefix.length === n) return yield prefix;
  yield prefix; // a path may stop anywhere (the others have not acted yet)
  const acted = new Set(prefix.map(([m]) => m));
  const candidates = sequence ? [prefix.length] : [...Array(n).keys()].filter((m) => !acted.has(m));
  for (const m of candidates) for (const yes of [true, false]) yield* orders(n, sequence, [...prefix, [m, yes]]);
}

/** Plays acts until one decides: the index of the deciding act and its event, or null. */
function play(group: GroupMeta, n: number, acts: Array<[number, boolean]>): { at: number; type: string } | null {
  const people = members(n);
  const row = { stateSince: now };
  let tasks: TaskRow[] = (group.mode === 'sequence' ? people.slice(0, 1) : people).map((m) => ({ ...memberTask('i', 's', meta, null, m, now, weekdayCalendar), id: m.id, status: 'open', outcome: null }) as TaskRow);
  for (const [i, [m, yes]] of acts.entries()) {
    const task = tasks.find((t) => t.assigneeId === `m${m}` && t.status === 'open');
    assert.ok(task, `m${m} has an open task`);
    const type = yes ? 'approve' : 'reject';
    const vote = countVote(group, { type, taskId: task.id, visit: visitTasks(row as InstanceRow, 's', tasks), members: people });
    if (vote.decides) return { at: i, type };
    tasks = tasks.map((t) => (t.id === task.id ? { ...t, status: 'done', outcome: type } : t));
    if (vote.next) tasks.push({ ...memberTask('i', 's', meta, null, vote.next, now, weekdayCalendar), id: vote.next.id, status: 'open', outcome: null } as TaskRow);
  }
  return null;
}

/** What the rule says, from the acts alone. */
function expected(group: GroupMeta, n: number, acts: Array<[number, boolean]>): { at: number; type: string } | null {
  const needed = group.mode === 'any' ? 1 : group.mode === 'sequence' ? n : Math.ceil((group.passRatio ?? 1) * n - 1e-9);
  let yes = 0;
  let no = 0;
  for (const [i, [, ok]] of acts.entries()) {
    if (ok) yes++;
    else no++;
    if (ok && yes >= needed) return { at: i, type: 'approve' };
    const ratio = group.mode === 'all' && (group.passRatio ?? 1) < 1;
    if (!ok && (!ratio || n - no < needed)) return { at: i, type: 'reject' };
  }
  return null;
}

const groups: Array<[string, GroupMeta, number]> = [
  ['会签 of 3 (all must agree)', { mode: 'all', approve: 'approve' }, 3],
  ['会签 of 3 with pass ratio 2/3', { mode: 'all', approve: 'approve', passRatio: 2 / 3 }, 3],
  ['会签 of 4 with pass ratio 1/2', { mode: 'all', approve: 'approve', passRatio: 0.5 }, 4],
  ['或签 of 3 (any one)', { mode: 'any', approve: 'approve' }, 3],
  ['依次 of 3 (in turn)', { mode: 'sequence', approve: 'approve' }, 3],
];

describe('group paths (countVote)', () => {
  for (const [name, group, n] of groups) {
    test(`${name}: every order of acts is decided exactly when the rule says`, () => {
      let paths = 0;
      for (const acts of orders(n, group.mode === 'sequence')) {
        const want = expected(group, n, acts);
        // Acts after the deciding one never happen: the step has moved on.
        if (want && want.at < acts.length - 1) continue;
        assert.deepEqual(play(group, n, acts), want, `${name}: ${acts.map(([m, y]) => `m${m}${y ? '✓' : '✗'}`).join(' ')}`);
        paths++;
      }
      assert.ok(paths > n, `${paths} paths`);
    });
  }

  test('会签 with ratio 2/3: a first no is a vote against, the second makes ⅔ unreachable and rejects', () => {
    assert.equal(play({ mode: 'all', approve: 'approve', passRatio: 2 / 3 }, 3, [[0, false]]), null);
    assert.deepEqual(play({ mode: 'all', approve: 'approve', passRatio: 2 / 3 }, 3, [[0, false], [1, false]]), { at: 1, type: 'reject' });
    assert.deepEqual(play({ mode: 'all', approve: 'approve', passRatio: 2 / 3 }, 3, [[0, false], [1, true], [2, true]]), { at: 2, type: 'approve' });
  });
});

describe('因私出国 v2: the school leaders’ 会签 with the real planners', () => {
  const leaders: GroupMember[] = [{ id: 'l0000000-0000-4000-8000-000000000001', name: '周校长' }, { id: 'l0000000-0000-4000-8000-000000000002', name: '钟副校长' }];
  const state = 'schoolLeaderApproval';
  const asActor = (m: GroupMember): Actor => ({ id: m.id, name: m.name, kind: 'staff', orgUnitId: 'president-office', isCadre: true, roles: [{ role: 'school_leader', orgUnitId: null }] });
  const applicant = { id: 'a0000000-0000-4000-8000-000000000001', orgUnitId: 'hr' };
  const form = { countries: ['日本'], purpose: '探亲', startDate: '2027-03-01', endDate: '2027-03-05', passportHeld: true };
  const groupsOf = { [state]: leaders };

  function after(plan: TransitionPlan, before: InstanceRow | null, open: TaskRow[]): { row: InstanceRow; tasks: TaskRow[] } {
    const row = ('insert' in plan.instance ? { ...plan.instance.insert } : { ...before!, ...plan.instance.update }) as InstanceRow;
    const closed = new Set([...(plan.tasks.done?.ids ?? []), ...(plan.tasks.cancelled?.ids ?? [])]);
    const kept = open.map((t) => (closed.has(t.id) ? { ...t, status: plan.tasks.done?.ids.includes(t.id) ? 'done' : 'cancelled', outcome: plan.event.type } : t)) as TaskRow[];
    const opened = plan.tasks.open.map((t, i) => ({ ...t, id: `t${plan.event.seq}-${i}`, status: 'open', outcome: null }) as TaskRow);
    return { row, tasks: [...kept, ...opened] };
  }

  test('the group state is found; entering it opens a task named to each leader; the first yes is a vote, the second moves on', () => {
    assert.deepEqual(groupStates(cadrePrivateTravelV2.machine).map((s) => s.path), [state]);
    // Start and walk up to the group step (dept leader, 组织部 approve), as an engine would.
    const start = planStart(
      null,
      cadrePrivateTravelV2,
      { id: 'i0000000-0000-4000-8000-000000000009', form, title: { zh: 't', en: 't' }, applicant, actor: { id: applicant.id, roles: [] }, actorRole: 'applicant', actionLabel: { zh: '提交', en: 'Submit' }, attachments: [], calendar: weekdayCalendar, groups: groupsOf },
      now,
    );
    let at = after(start, null, []);
    for (const role of ['dept_leader', 'handler']) {
      const task = at.tasks.find((t) => t.status === 'open')!;
      const actor = { id: `${role}-0000-4000-8000-000000000000`, roles: [{ role, orgUnitId: task.orgUnitId }] };
      const p = planEvent(at.row, cadrePrivateTravelV2, { event: { type: 'approve', actorId: actor.id }, actor, actorRole: role, comment: null, payload: {}, actionLabel: { zh: '同意', en: 'Approve' }, openTasks: at.tasks.filter((t) => t.status === 'open'), attachments: [], calendar: weekdayCalendar, groups: groupsOf }, now);
      at = after(p, at.row, at.tasks);
    }
    assert.equal(at.row.state, state);
    const seats = at.tasks.filter((t) => t.status === 'open');
    assert.deepEqual(seats.map((t) => t.assigneeId).sort(), leaders.map((l) => l.id).sort());

    const group = cadrePrivateTravelV2.machine.getStateNodeById(`cadre-private-travel.${state}`).meta as StateMeta;
    const first = seats.find((t) => t.assigneeId === leaders[1]!.id)!;
    const vote = countVote(group.task!.group!, { type: 'approve', taskId: first.id, visit: visitTasks(at.row, state, at.tasks), members: leaders });
    assert.equal(vote.decides, false);
    assert.deepEqual(vote.tally, { mode: 'all', yes: true, approved: 1, against: 0, of: 2, needed: 2 });
    const v = planVote(at.row, cadrePrivateTravelV2, { actor: asActor(leaders[1]!), task: first, type: 'approve', comment: null, payload: {}, tally: vote.tally, next: null, meta: group, calendar: weekdayCalendar }, now);
    assert.equal(v.event.fromState, v.event.toState);
    assert.deepEqual(v.tasks.done, { ids: [first.id], by: leaders[1]!.id, outcome: 'approve' });
    assert.equal('update' in v.instance && v.instance.update.snapshot, undefined, 'the statechart stays where it is');
    at = after(v, at.row, at.tasks);

    const second = at.tasks.find((t) => t.status === 'open')!;
    const last = countVote(group.task!.group!, { type: 'approve', taskId: second.id, visit: visitTasks(at.row, state, at.tasks), members: leaders });
    assert.equal(last.decides, true);
    const moved = planEvent(at.row, cadrePrivateTravelV2, { event: { type: 'approve', actorId: second.assigneeId }, actor: asActor(leaders[0]!), actorRole: 'school_leader', comment: null, payload: { vote: last.tally }, actionLabel: { zh: '批准', en: 'Approve' }, openTasks: [second], attachments: [], calendar: weekdayCalendar, groups: groupsOf }, now);
    assert.equal(moved.event.toState, 'passportIssue');
    assert.deepEqual(moved.tasks.done?.ids, [second.id]);
  });
});
