import { and, asc, eq, gte, inArray, ne, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db, Tx } from '@/db/client';
import { orgUnits, outOfOffice, roleBindings, users, type Role } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { cstDate } from '@/workflows/engine/calendar';
import { checkOutOfOffice, mayStandIn, taskBindings, type AwayRange, type DeputyPerson } from '@/workflows/engine/deputy-rules';
import { AppError } from '@/workflows/engine/errors';
import { parseInput } from '@/workflows/engine/validate';
import { authorize } from '../policy';
import { matchesPerson, type PickablePerson } from '../instances/person-match';
import { withPinyin } from '../instances/person-search';

/**
 * 代理 (out of office) as people set it under 我的 and API clients call it: one setting per
 * person (deputy + China date range), checked by the engine's rules (deputy-rules.ts) under a lock
 * on both people, so two settings made at once cannot form a chain or a loop. The engine's task
 * projection applies it (workflows/engine/deputies.ts); nothing here touches tasks.
 */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), '日期无效');

export const outOfOfficeBody = z.object({
  deputy: z.string().trim().min(1, '请选择代理人').max(64),
  startsOn: day,
  endsOn: day,
  reason: z.string().trim().max(200, '说明不能超过 200 字').optional(),
});

export const deputyQuery = z.object({ q: z.string().max(32).optional() });

export interface OutOfOfficeView {
  /** The caller's own setting; `active` while today is inside the range. */
  current: { deputy: { username: string; name: string }; startsOn: string; endsOn: string; reason: string | null; active: boolean } | null;
  /** People who named the caller as their deputy, whose range has not ended. */
  standsInFor: Array<{ name: string; startsOn: string; endsOn: string }>;
}

const PICKER_LIMIT = 200;

async function personFacts(q: Tx | Db, where: ReturnType<typeof eq>): Promise<(DeputyPerson & { username: string }) | null> {
  const [row] = await q.select().from(users).where(where);
  if (!row) return null;
  const roles = await q.select({ role: roleBindings.role, orgUnitId: roleBindings.orgUnitId }).from(roleBindings).where(eq(roleBindings.userId, row.id));
  return { id: row.id, username: row.username, name: row.name, kind: row.kind, orgUnitId: row.orgUnitId, active: row.active, roles };
}

async function awayRanges(q: Tx | Db, where: ReturnType<typeof eq>, today: string): Promise<AwayRange[]> {
  return q
    .select({ userId: outOfOffice.userId, name: users.name, deputyId: outOfOffice.deputyId, startsOn: outOfOffice.startsOn, endsOn: outOfOffice.endsOn })
    .from(outOfOffice)
    .innerJoin(users, eq(users.id, outOfOffice.userId))
    .where(and(where, gte(outOfOffice.endsOn, today)));
}

/** GET /api/v1/me/out-of-office. */
export async function getOutOfOffice(db: Db, actor: Actor, now: Date): Promise<OutOfOfficeView> {
  authorize(actor, 'me.out-of-office');
  const today = cstDate(now);
  const deputy = alias(users, 'deputy_person');
  const [[mine], standing] = await Promise.all([
    db
      .select({ o: outOfOffice, username: deputy.username, name: deputy.name })
      .from(outOfOffice)
      .innerJoin(deputy, eq(deputy.id, outOfOffice.deputyId))
      .where(and(eq(outOfOffice.userId, actor.id), gte(outOfOffice.endsOn, today))),
    awayRanges(db, eq(outOfOffice.deputyId, actor.id), today),
  ]);
  return {
    current: mine
      ? {
          deputy: { username: mine.username, name: mine.name },
          startsOn: mine.o.startsOn,
          endsOn: mine.o.endsOn,
          reason: mine.o.reason,
          active: mine.o.startsOn <= today && today <= mine.o.endsOn,
        }
      : null,
    standsInFor: standing.map((s) => ({ name: s.name, startsOn: s.startsOn, endsOn: s.endsOn })),
  };
}

/** PUT /api/v1/me/out-of-office: sets (or replaces) the caller's deputy and dates. */
export async function setOutOfOffice(db: Db, actor: Actor, raw: unknown, now: Date): Promise<OutOfOfficeView> {
  authorize(actor, 'me.out-of-office');
  const body = parseInput(outOfOfficeBody, raw);
  const today = cstDate(now);
  await db.transaction(async (tx) => {
    const [target] = await tx.select({ id: users.id }).from(users).where(eq(users.username, body.deputy));
    if (!target) throw new AppError('INVALID_INPUT', `no user ${body.deputy}`, { zh: `找不到学工号为 ${body.deputy} 的人员`, en: `Nobody has campus id ${body.deputy}` });
    // The policy first (who may be named at all: lib/policy 'me.deputy'), then the engine's rules
    // (self, dates, chains and loops) on what was read under the lock.
    // Both people locked, in id order: settings made at once that would chain wait for each other.
    await tx
      .select({ id: users.id })
      .from(users)
      .where(inArray(users.id, [actor.id, target.id]))
      .orderBy(asc(users.id))
      .for('update');
    const [person, deputy, deputyAway, standsInFor] = await Promise.all([
      personFacts(tx, eq(users.id, actor.id)),
      personFacts(tx, eq(users.id, target.id)),
      awayRanges(tx, eq(outOfOffice.userId, target.id), today),
      awayRanges(tx, eq(outOfOffice.deputyId, actor.id), today),
    ]);
    authorize(actor, 'me.deputy', deputy!);
    checkOutOfOffice({ person: person!, deputy: deputy!, startsOn: body.startsOn, endsOn: body.endsOn, today, deputyAway: deputyAway[0] ?? null, standsInFor });
    const row = { deputyId: target.id, startsOn: body.startsOn, endsOn: body.endsOn, reason: body.reason || null, updatedAt: now };
    await tx.insert(outOfOffice).values({ userId: actor.id, ...row }).onConflictDoUpdate({ target: outOfOffice.userId, set: row });
  });
  return getOutOfOffice(db, actor, now);
}

/** DELETE /api/v1/me/out-of-office: back in the office; new tasks come to the caller again. */
export async function clearOutOfOffice(db: Db, actor: Actor, now: Date): Promise<OutOfOfficeView> {
  authorize(actor, 'me.out-of-office');
  await db.delete(outOfOffice).where(eq(outOfOffice.userId, actor.id));
  return getOutOfOffice(db, actor, now);
}

/**
 * GET /api/v1/me/out-of-office/candidates: active staff who may hold every approval step the
 * caller holds (deputy-rules.ts mayStandIn), for the picker; ?q= name, 工号 or pinyin.
 */
export async function deputyCandidates(db: Db, actor: Actor, raw: unknown): Promise<{ people: PickablePerson[] }> {
  authorize(actor, 'me.out-of-office');
  const { q } = parseInput(deputyQuery, raw);
  const mine = taskBindings(actor.roles);
  if (mine.length === 0) return { people: [] };
  const units = mine.flatMap((b) => (b.orgUnitId ? [b.orgUnitId] : []));
  const rows = await db
    .selectDistinct({ id: users.id, username: users.username, name: users.name, kind: users.kind, orgUnitId: users.orgUnitId, orgZh: orgUnits.nameZh, orgEn: orgUnits.nameEn })
    .from(users)
    .leftJoin(roleBindings, eq(roleBindings.userId, users.id))
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(
      and(
        eq(users.active, true),
        eq(users.kind, 'staff'),
        ne(users.id, actor.id),
        or(inArray(roleBindings.role, mine.map((b) => b.role as Role)), units.length > 0 ? inArray(users.orgUnitId, units) : undefined),
      ),
    )
    .orderBy(asc(users.username));
  const ids = rows.map((r) => r.id);
  const bindings = ids.length === 0 ? [] : await db.select().from(roleBindings).where(inArray(roleBindings.userId, ids));
  // The engine's rule says the last word (the SQL only narrows to people sharing a role).
  const people = rows
    .filter((r) => mayStandIn({ kind: r.kind, orgUnitId: r.orgUnitId, roles: bindings.filter((b) => b.userId === r.id) }, actor))
    .map((r) => withPinyin({ username: r.username, name: r.name, orgName: { zh: r.orgZh, en: r.orgEn } }))
    .filter((p) => matchesPerson(p, q ?? ''))
    .slice(0, PICKER_LIMIT);
  return { people };
}
