import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { orgUnits } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { parseInput } from '@/workflows/engine/validate';
import { audit } from './audit';
import { authorize } from '../../policy';

export const orgUnitSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{2,40}$/, '编号只能包含小写字母、数字和连字符（2–40 位）'),
  nameZh: z.string().trim().min(1, '请填写中文名称').max(60),
  nameEn: z.string().trim().min(1, '请填写英文名称').max(120),
  kind: z.enum(['department', 'college', 'school'], { message: '类型无效' }),
  active: z.boolean(),
});

export async function listOrgUnits(db: Db) {
  return db.select().from(orgUnits).orderBy(asc(orgUnits.sort), asc(orgUnits.id));
}

/** Creates or edits an org unit (ids never change: roles and people point at them). */
export async function saveOrgUnit(db: Db, actor: Actor, body: unknown, at: Date) {
  authorize(actor, 'admin.operate');
  const u = parseInput(orgUnitSchema, body);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(orgUnits).where(eq(orgUnits.id, u.id));
    const [saved] = existing
      ? await tx.update(orgUnits).set({ nameZh: u.nameZh, nameEn: u.nameEn, kind: u.kind, active: u.active }).where(eq(orgUnits.id, u.id)).returning()
      : await tx.insert(orgUnits).values({ ...u, sort: 900 }).returning();
    await audit(tx, { actorId: actor.id, action: existing ? 'org.update' : 'org.create', target: `org:${u.id}`, details: u, at });
    return saved!;
  });
}
