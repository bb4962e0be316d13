import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { processInstances } from '@/db/schema';
import { DEMO_ACCOUNTS } from '@/db/seed/demo-accounts';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { loadDemoHistory } from '@/lib/admin/demo/load-demo-history';
import { searchInstances } from '@/lib/admin/search-instances';
import { countOpenTasks, countDoneTasks, listTasks } from '@/lib/instances/list-tasks';
import { listApplications } from '@/lib/instances/list-applications';
import { forgetMailboxKey } from '@/lib/mailbox/capability';
import { listDeskLetters } from '@/lib/mailbox/desk-list';
import { duplicateCandidates } from '@/lib/mailbox/duplicate-candidates';
import { submitLetter } from '@/lib/mailbox/submit-letter';
import { listServiceRequests } from '@/lib/open311/requests';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

// #17 item 4: generated demo history (【示例】) is for the monitor, never anyone's work.
let t: TestDatabase;
const people: SessionUser[] = [];
let samples: Set<string>;
const now = new Date();

before(async () => {
  forgetMailboxKey();
  t = await createTestDatabase();
  assert.ok((await loadDemoHistory(t.db, now, 400, 120)) > 0);
  for (const { username } of DEMO_ACCOUNTS) people.push((await loadActor(t.db, { username }))!);
  samples = new Set((await t.db.select({ id: processInstances.id }).from(processInstances).where(eq(processInstances.sample, true))).map((r) => r.id));
});
after(() => t.close());

const byName = (name: string) => people.find((p) => p.username === name)!;

describe('sample instances stay out of working lists and counts', () => {
  test('校长信箱 desk: the office and the departments see only letters people wrote, and merge only into those', async () => {
    const openSampleLetters = await t.db
      .select({ id: processInstances.id })
      .from(processInstances)
      .where(and(eq(processInstances.processId, 'presidents-mailbox'), eq(processInstances.sample, true), eq(processInstances.status, 'active')));
    assert.ok(openSampleLetters.length > 0, 'the demo history has open sample letters to leave out');
    const real = await submitLetter(t.db, {
      body: { letter: { category: 'suggestion', subject: '图书馆座位预约', content: '希望图书馆座位可以线上预约。', anonymous: true, consentPublish: false } },
      actor: null,
      ip: '10.0.9.3',
      now,
      origin: 'http://campus.test',
    });
    for (const who of ['mailbox', 'logistics', 'assets']) {
      for (const filter of ['open', 'all'] as const) {
        const desk = await listDeskLetters(t.db, byName(who), now, filter);
        assert.deepEqual(desk.filter((l) => samples.has(l.id)), [], `${who} ${filter}`);
        assert.ok(desk.every((l) => l.subject !== ''), 'no letter without a subject');
      }
    }
    assert.deepEqual((await listDeskLetters(t.db, byName('mailbox'), now)).map((l) => l.id), [real.instanceId]);
    const candidates = await duplicateCandidates(t.db, byName('mailbox'), real.instanceId, now);
    assert.deepEqual(candidates.filter((c) => samples.has(c.id)), []);
  });

  test('待办, 已办, the badge count and 我的申请 of every demo account hold no sample', async () => {
    for (const person of people) {
      const open = await listTasks(t.db, person, 'open');
      const done = await listTasks(t.db, person, 'done');
      assert.deepEqual(open.filter((x) => samples.has(x.instanceId)).map((x) => x.title.zh), [], `${person.username} 待办`);
      assert.deepEqual(done.filter((x) => samples.has(x.instanceId)).map((x) => x.title.zh), [], `${person.username} 已办`);
      assert.equal(await countOpenTasks(t.db, person), open.length, `${person.username} badge`);
      assert.equal(await countDoneTasks(t.db, person), done.length, `${person.username} 已办 count`);
      const mine = await listApplications(t.db, person);
      assert.deepEqual(mine.filter((x) => samples.has(x.id)), [], `${person.username} 我的申请`);
    }
  });

  test('connected systems (Open311) never see a sample repair; the admin monitor lists samples marked 示例', async () => {
    const requests = await listServiceRequests(t.db, byName('admin'), new URLSearchParams(), 'zh');
    assert.deepEqual(requests.filter((r) => samples.has(r.service_request_id)), []);
    const hits = await searchInstances(t.db, { kind: 'all' }, {});
    const marked = hits.filter((h) => h.sample);
    assert.ok(marked.length > 0, 'the monitor still lists samples');
    assert.ok(marked.every((h) => samples.has(h.id) && h.title.zh.startsWith('【示例】')));
    assert.ok(hits.filter((h) => !h.sample).every((h) => !samples.has(h.id)));
  });
});
