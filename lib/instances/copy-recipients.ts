import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { orgUnits, users } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { authorizeInstance } from '../policy';
import type { PickablePerson } from './person-match';
import { withPinyin } from './person-search';

/** A university's staff fits; the picker searches them in the browser, twelve shown at a time. */
const MAX_LISTED = 5000;

/**
 * Whom the handler of a step may copy an application to (抄送), for the people picker: active
 * staff, not themselves nor the applicant — what copyInstance accepts — by department, then 工号.
 */
export async function copyRecipients(db: Db, actor: Actor, instanceId: string): Promise<PickablePerson[]> {
  const instance = await authorizeInstance(db, actor, 'instance.copy', instanceId);
  const rows = await db
    .select({ username: users.username, name: users.name, orgZh: orgUnits.nameZh, orgEn: orgUnits.nameEn })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(and(eq(users.kind, 'staff'), eq(users.active, true), ne(users.id, actor.id), instance.applicantId ? ne(users.id, instance.applicantId) : undefined))
    .orderBy(asc(orgUnits.nameZh), asc(users.username))
    .limit(MAX_LISTED);
  return rows.map((r) => withPinyin({ username: r.username, name: r.name, orgName: { zh: r.orgZh, en: r.orgEn } }));
}
