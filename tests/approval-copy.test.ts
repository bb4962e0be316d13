import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { instanceEvents, messages, outbox, uploads } from '@/db/schema';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { copyApplication } from '@/lib/instances/copy-application';
import { copyRecipients } from '@/lib/instances/copy-recipients';
import { getInstanceView } from '@/lib/instances/get-instance-view';
import { listCopies, markCopiesRead } from '@/lib/instances/list-copies';
import { applyEvent } from '@/workflows/engine/apply-event';
import { isAppError } from '@/workflows/engine/errors';
import { startInstance } from '@/workflows/engine/start-instance';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

// 抄送 (issue 16 item 8): a holder's copy (planCopy through commit) and a step's meta `cc`, read/unread under 抄送我.
let t: TestDatabase;
const actors: Record<string, SessionUser> = {};
const now = () => new Date();

async function fitness(): Promise<string> {
  const [upload] = await t.db
    .insert(uploads)
    .values({ ownerId: actors.student!.id, filename: 'cert.pdf', contentType: 'application/pdf', size: 10, sha256: 'ab'.repeat(32), storageKey: `x/${randomUUID()}` })
    .returning();
  const { instance } = await startInstance(t.db, {
    processId: 'fitness-test-exemption',
    actor: actors.student!,
    input: { kind: 'exempt', reason: '膝关节韧带损伤，医嘱半年内禁止剧烈运动', evidence: [upload!.id] },
    now: now(),
  });
  return instance.id;
}

async function refused(promise: Promise<unknown>, code: string, zh?: RegExp) {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(isAppError(e), String(e));
    assert.equal(e.code, code);
    if (zh) assert.match(e.userMessage?.zh ?? '', zh);
    return true;
  });
}

const copy = (who: string, id: string, usernames: string[], extra: { comment?: string; expectedRevision?: number } = {}) =>
  copyApplication(t.db, actors[who]!, id, { usernames, ...extra }, now());

before(async () => {
  t = await createTestDatabase();
  for (const name of ['student', 'student2', 'counselor', 'counselor2', 'doctor', 'sports', 'assets', 'logistics']) actors[name] = (await loadActor(t.db, { username: name }))!;
});
after(() => t.close());

describe('抄送', () => {
  test('the holder copies to two colleagues: logged, told through the one writer, unread under 抄送我 until opened', async () => {
    const id = await fitness();
    await refused(getInstanceView(t.db, actors.assets!, id), 'NOT_FOUND');
    const view = await copy('counselor', id, ['assets', 'logistics'], { comment: '请知悉该生体测情况' });
    assert.equal(view.state, 'counselorReview', 'the instance does not move');
    const entry = view.timeline.at(-1)!;
    assert.equal(entry.type, 'copy');
    assert.deepEqual(entry.action, { zh: '抄送', en: 'Copied' });
    assert.equal(entry.copiedTo?.length, 2);
    const [event] = await t.db.select().from(instanceEvents).where(and(eq(instanceEvents.instanceId, id), eq(instanceEvents.type, 'copy')));
    assert.equal(event!.comment, '请知悉该生体测情况');
    // Each recipient's message has its outbox row (the one delivery path).
    const notes = await t.db.select().from(messages).where(and(eq(messages.instanceId, id), eq(messages.kind, 'instance.copy')));
    assert.equal(notes.length, 2);
    const pushed = await t.db.select().from(outbox).where(eq(outbox.messageId, notes[0]!.id));
    assert.equal(pushed.length, 1);

    const copies = await listCopies(t.db, actors.assets!);
    const row = copies.find((c) => c.instanceId === id)!;
    assert.equal(row.unread, true);
    assert.match(row.why.zh, /陈老师抄送给您/);
    assert.equal(row.comment, '请知悉该生体测情况');
    // The copy lets them read it, not act on it.
    const seen = await getInstanceView(t.db, actors.assets!, id);
    assert.deepEqual(seen.myActions, []);
    await refused(applyEvent(t.db, { instanceId: id, actor: actors.assets!, type: 'approve', now: now() }), 'FORBIDDEN', /不由您办理/);
    await markCopiesRead(t.db, actors.assets!, [id], now());
    assert.equal((await listCopies(t.db, actors.assets!)).find((c) => c.instanceId === id)!.unread, false);
    assert.equal((await listCopies(t.db, actors.logistics!)).find((c) => c.instanceId === id)!.unread, true, 'each recipient reads for themselves');
  });

  test('bad input: not the holder, to oneself, to a student, to nobody known, a stale page — each a clear 4xx, nothing written', async () => {
    const id = await fitness();
    await refused(copy('counselor2', id, ['assets']), 'NOT_FOUND');
    await refused(copy('student', id, ['assets']), 'FORBIDDEN', /办理人可以抄送/);
    await refused(copy('counselor', id, ['counselor']), 'INVALID_INPUT', /不能抄送给自己/);
    await refused(copy('counselor', id, ['student2']), 'INVALID_INPUT', /只能抄送给教职工/);
    await refused(copy('counselor', id, ['nobody-here']), 'INVALID_INPUT', /找不到这些人员/);
    await refused(copy('counselor', id, ['assets'], { expectedRevision: 99 }), 'CONFLICT');
    const { copyInstanceBody } = await import('@/lib/api/route-inputs');
    assert.match(copyInstanceBody.safeParse({ usernames: Array.from({ length: 21 }, (_, i) => `u${i}`) }).error!.issues[0]!.message, /最多抄送 20 人/);
    const written = await t.db.select().from(instanceEvents).where(and(eq(instanceEvents.instanceId, id), eq(instanceEvents.type, 'copy')));
    assert.equal(written.length, 0);
  });

  test('a step’s meta cc: 体测 approved → the counselor of the college is informed under 抄送我', async () => {
    const id = await fitness();
    await applyEvent(t.db, { instanceId: id, actor: actors.counselor!, type: 'approve', now: now() });
    await applyEvent(t.db, { instanceId: id, actor: actors.doctor!, type: 'approve', now: now() });
    assert.equal((await listCopies(t.db, actors.counselor!)).some((c) => c.instanceId === id), false);
    await applyEvent(t.db, { instanceId: id, actor: actors.sports!, type: 'approve', now: now() });
    const row = (await listCopies(t.db, actors.counselor!)).find((c) => c.instanceId === id)!;
    assert.equal(row.unread, true);
    assert.equal(row.status, 'completed');
    assert.match(row.why.zh, /“已批准”环节抄送给您/);
    assert.equal((await listCopies(t.db, actors.counselor2!)).some((c) => c.instanceId === id), false, 'another college’s counselor is not told');
  });
});

describe('抄送 picker', () => {
  test('offers the holder active staff with names and departments, never themselves, the applicant or students; others are refused', async () => {
    const id = await fitness();
    const people = await copyRecipients(t.db, actors.counselor!, id);
    const assets = people.find((p) => p.username === 'assets');
    assert.deepEqual(assets && { name: assets.name, org: assets.orgName.zh }, { name: '钱老师', org: '资产管理处' });
    assert.ok(assets!.py.length > 0, 'searchable by pinyin');
    assert.ok(people.every((p) => p.username !== 'counselor' && p.username !== 'student' && p.username !== 'student2'));
    await refused(copyRecipients(t.db, actors.assets!, id), 'FORBIDDEN', /办理人/);
  });
});
