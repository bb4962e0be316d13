import { and, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { users } from '@/db/schema';
import { AppError } from '../engine/errors';

/** 代理人 must be an active staff member of the applicant's own department, and not the applicant. */
export async function checkDeputy(db: Queryable, deputy: string, applicant: { id: string; orgUnitId: string }): Promise<void> {
  const [row] = await db
    .select({ id: users.id, orgUnitId: users.orgUnitId, kind: users.kind })
    .from(users)
    .where(and(eq(users.username, deputy), eq(users.active, true)));
  const bad = (detail: string, zh: string, en: string) =>
    new AppError('INVALID_INPUT', detail, { zh, en }, { fields: { deputy: zh } });
  if (!row) throw bad(`deputy ${deputy} unknown`, '找不到该代理人，请从本部门同事中选择', 'No such colleague: pick one from your department');
  if (row.id === applicant.id) throw bad('deputy is the applicant', '代理人不能是本人', 'The deputy cannot be yourself');
  if (row.kind !== 'staff' || row.orgUnitId !== applicant.orgUnitId) {
    throw bad('deputy outside the department', '代理人须为本部门教职工', 'The deputy must be a colleague in your department');
  }
}
