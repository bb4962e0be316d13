import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { orgUnits, users } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import type { Label } from '@/workflows/engine/types';
import type { PickablePerson } from './person-match';
import { withPinyin } from './person-search';

/**
 * The colleagues a form may name (中层干部请假's 代理人): active staff of the person's own
 * department, not themselves — the same rule checkDeputy enforces on the server, so the picker
 * never offers someone the submit would refuse.
 */
export async function colleaguesOf(db: Db, actor: Pick<Actor, 'id' | 'orgUnitId'>): Promise<PickablePerson[]> {
  if (!actor.orgUnitId) return [];
  const rows = await db
    .select({ username: users.username, name: users.name, orgZh: orgUnits.nameZh, orgEn: orgUnits.nameEn })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(and(eq(users.orgUnitId, actor.orgUnitId), eq(users.kind, 'staff'), eq(users.active, true), ne(users.id, actor.id)))
    .orderBy(asc(users.username));
  return rows.map((r) => withPinyin({ username: r.username, name: r.name, orgName: { zh: r.orgZh, en: r.orgEn } }));
}

export interface NamedPerson {
  name: string;
  orgName: Label;
}

/** Names of the people a form names by 工号, so pages show 王五 (保卫处), never "cadre". */
export async function peopleByUsername(db: Db, usernames: string[]): Promise<Record<string, NamedPerson>> {
  const wanted = [...new Set(usernames.filter((u) => u !== ''))];
  if (wanted.length === 0) return {};
  const rows = await db
    .select({ username: users.username, name: users.name, orgZh: orgUnits.nameZh, orgEn: orgUnits.nameEn })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(inArray(users.username, wanted));
  return Object.fromEntries(rows.map((r) => [r.username, { name: r.name, orgName: { zh: r.orgZh, en: r.orgEn } }]));
}
