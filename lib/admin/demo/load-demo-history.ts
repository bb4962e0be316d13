import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { instanceEvents, orgUnits, processInstances, settings, tasks, users } from '@/db/schema';
import { eventHash, GENESIS_HASH } from '@/workflows/engine/hash-chain';
import { activeStates, persistSnapshot } from '@/workflows/engine/snapshot';
import { allDefinitions } from '@/workflows/registry';
import { prng, randomWalk } from './random-walk';

export const DEMO_HISTORY_KEY = 'demo_history_loaded';
const SAMPLE_PREFIX = 'sample-';
const HOUR = 3_600_000;

/** Enrolment peaks in the first weeks of term, as the seed's "12,000 in the first month" says. */
function startTime(rand: () => number, now: Date, days: number): Date {
  const year = now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  const termStartBack = (now.getTime() - Date.UTC(year, 8, 1)) / (24 * HOUR);
  const back = rand() < 0.35 ? Math.max(0, termStartBack - rand() * 30) : rand() * days;
  const d = new Date(now.getTime() - back * 24 * HOUR);
  const hour = [8, 9, 9, 10, 10, 10, 11, 14, 15, 15, 16, 16, 17, 20, 21][Math.floor(rand() * 15)]!;
  d.setUTCHours(hour - 8, Math.floor(rand() * 60), Math.floor(rand() * 60), 0);
  return d.getTime() < now.getTime() ? d : new Date(now.getTime() - HOUR);
}

/** Whether a generated demo history was ever loaded into this database. */
export async function hasSampleHistory(db: Db): Promise<boolean> {
  const [row] = await db.select({ key: settings.key }).from(settings).where(eq(settings.key, DEMO_HISTORY_KEY));
  return row !== undefined;
}

/**
 * Demo mode only: a generated history of `count` instances over the last `days` days, marked
 * as sample data (applicants are inactive 'sample-…' accounts, a settings row flags it, the
 * admin pages show a banner). Idempotent: the settings row is claimed in the same transaction.
 * Hash chains are real, so replay and chain verification work on sample instances too.
 */
export async function loadDemoHistory(db: Db, now: Date, count = 1500, days = 270): Promise<number> {
  return db.transaction(async (tx) => {
    const claimed = await tx.insert(settings).values({ key: DEMO_HISTORY_KEY, value: now.toISOString() }).onConflictDoNothing().returning();
    if (claimed.length === 0) return 0;
    const rand = prng(20170901);
    const colleges = (await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.kind, 'college'))).map((c) => c.id);
    const applicants = await tx
      .insert(users)
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          username: `${SAMPLE_PREFIX}${String(i + 1).padStart(3, '0')}`,
          name: `示例学生${i + 1}`,
          kind: 'student' as const,
          orgUnitId: colleges[i % colleges.length]!,
          active: false,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: users.id, orgUnitId: users.orgUnitId, name: users.name });
    if (applicants.length === 0) return 0;
    // Open sample tasks wait on an inactive sample clerk, never in a real person's 待办 (a task
    // with an assignee is offered to nobody else); sample tasks done were completed by nobody,
    // so no real 已办 lists them either.
    const [clerk] = await tx
      .insert(users)
      .values({ username: `${SAMPLE_PREFIX}clerk`, name: '示例经办人', kind: 'staff', orgUnitId: colleges[0]!, active: false })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!clerk) return 0;
    const defs = allDefinitions();
    let made = 0;
    const instanceRows: Array<typeof processInstances.$inferInsert> = [];
    const eventRows: Array<typeof instanceEvents.$inferInsert> = [];
    const taskRows: Array<typeof tasks.$inferInsert> = [];
    for (let n = 0; n < count; n++) {
      const def = defs[Math.floor(rand() * defs.length)]!;
      const who = applicants[Math.floor(rand() * applicants.length)]!;
      const id = crypto.randomUUID();
      let at = startTime(rand, now, days);
      const startedAt = at;
      const age = (now.getTime() - at.getTime()) / (24 * HOUR);
      let steps;
      try {
        steps = randomWalk(def, { form: { kind: 'exempt', reason: '示例数据', evidence: [] }, applicantId: who.id }, rand, age < 10 ? 0.45 : 0.03);
      } catch {
        continue; // a machine that needs a real form to start: no sample history for it
      }
      let prev = GENESIS_HASH;
      let stateSince = at;
      const openTask = new Map<string, { createdAt: Date; role: string }>();
      for (const [seq, step] of steps.entries()) {
        if (seq > 0) at = new Date(Math.min(now.getTime() - 60_000, at.getTime() + (1 + rand() * rand() * 96) * HOUR));
        const chained = {
          instanceId: id,
          seq: seq + 1,
          type: step.type,
          actorId: step.role === 'applicant' ? who.id : null,
          actorRole: step.role,
          comment: step.type === 'return' || step.type === 'reject' ? '示例意见：材料不完整' : null,
          payload: { sample: true },
          fromState: step.from,
          toState: step.to,
          at,
        };
        const hash = eventHash(prev, chained);
        eventRows.push({ ...chained, prevHash: prev, hash });
        prev = hash;
        if (step.from !== step.to) stateSince = at;
        if (step.taskState && openTask.has(step.taskState)) {
          const t = openTask.get(step.taskState)!;
          taskRows.push({ instanceId: id, state: step.taskState, role: t.role, orgUnitId: null, actions: [step.type], status: 'done', createdAt: t.createdAt, dueAt: new Date(t.createdAt.getTime() + 72 * HOUR), completedAt: at, outcome: step.type });
          openTask.delete(step.taskState);
        }
        for (const s of activeStates(step.snapshot)) {
          if (s.meta.task && !openTask.has(s.path)) openTask.set(s.path, { createdAt: at, role: s.meta.task.role });
        }
      }
      const last = steps[steps.length - 1]!;
      const done = last.snapshot.status === 'done';
      const outcome = done ? (activeStates(last.snapshot).find((s) => s.meta.outcome)?.meta.outcome ?? 'completed') : 'active';
      if (!done) {
        for (const [state, t] of openTask) {
          taskRows.push({ instanceId: id, state, role: t.role, orgUnitId: t.role === 'applicant' ? null : who.orgUnitId, assigneeId: t.role === 'applicant' ? who.id : clerk.id, actions: [], status: 'open', createdAt: t.createdAt, dueAt: new Date(t.createdAt.getTime() + 72 * HOUR) });
        }
      }
      instanceRows.push({
        id,
        processId: def.id,
        processVersion: def.version,
        snapshot: persistSnapshot(last.snapshot),
        state: last.to,
        status: outcome,
        title: { zh: `【示例】${who.name}的${def.title.zh}`, en: `[Sample] ${def.title.en} — ${who.name}` },
        applicantId: who.id,
        applicantOrgId: who.orgUnitId,
        sample: true,
        revision: steps.length,
        lastHash: prev,
        createdAt: startedAt,
        updatedAt: at,
        stateSince,
        completedAt: done ? at : null,
      });
      made++;
    }
    for (let i = 0; i < instanceRows.length; i += 500) await tx.insert(processInstances).values(instanceRows.slice(i, i + 500));
    for (let i = 0; i < eventRows.length; i += 1000) await tx.insert(instanceEvents).values(eventRows.slice(i, i + 1000));
    for (let i = 0; i < taskRows.length; i += 1000) await tx.insert(tasks).values(taskRows.slice(i, i + 1000));
    return made;
  });
}
