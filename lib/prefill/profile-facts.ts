import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { campusRecords, orgUnits, rememberedFacts, users } from '@/db/schema';
import type { ProfileFact } from '@/workflows/engine/types';
import { REMEMBERED_FACTS, type ProfileFacts } from './resolve-prefill';

/**
 * 一表通: what the hall knows about a person, each fact with its source — the 学籍 (students) or
 * 人事 (staff) record for name, 学号/工号, college or department and phone; 住宿信息 (the student
 * apartments' dataset) for the dormitory. `remembered: true` lets what the person last typed
 * ("上次填写") stand in for the record's value.
 */
export async function loadProfileFacts(db: Queryable, userId: string, opts: { remembered: boolean } = { remembered: true }): Promise<ProfileFacts> {
  const [person] = await db
    .select({ username: users.username, name: users.name, kind: users.kind, phone: users.phone, orgZh: orgUnits.nameZh })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(eq(users.id, userId));
  if (!person) return {};
  const record = person.kind === 'student' ? 'student-record' : 'staff-record';
  const facts: ProfileFacts = {
    name: { value: person.name, source: record },
    campusId: { value: person.username, source: record },
    orgName: { value: person.orgZh, source: record },
  };
  if (person.phone) facts.phone = { value: person.phone, source: record };
  const [dorm] = await db
    .select({ data: campusRecords.data })
    .from(campusRecords)
    .where(and(eq(campusRecords.dataset, 'dorm'), eq(campusRecords.ownerUsername, person.username)))
    .limit(1);
  if (typeof dorm?.data.building === 'string' && typeof dorm.data.room === 'string') {
    facts.dormBuilding = { value: dorm.data.building, source: 'housing' };
    facts.dormRoom = { value: dorm.data.room, source: 'housing' };
  }
  if (opts.remembered) {
    const typed = await db
      .select({ fact: rememberedFacts.fact, value: rememberedFacts.value })
      .from(rememberedFacts)
      .where(and(eq(rememberedFacts.userId, userId), inArray(rememberedFacts.fact, [...REMEMBERED_FACTS])));
    for (const t of typed) facts[t.fact as ProfileFact] = { value: t.value, source: 'last-typed' };
  }
  return facts;
}
