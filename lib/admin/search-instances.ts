import { and, desc, eq, gte, ilike, lt, not, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { INSTANCE_STATUSES, processInstances, users } from '@/db/schema';
import { parseInput } from '@/workflows/engine/validate';
import { anonymousSql, instanceScopeCondition, isUuid, type AdminScope } from '../policy';

export const instanceSearchSchema = z.object({
  /** An instance id, a 流水号 or part of one, or part of the applicant's name or campus id. */
  q: z.string().trim().max(100).optional(),
  process: z.string().trim().max(80).optional(),
  state: z.string().trim().max(200).optional(),
  status: z.enum(INSTANCE_STATUSES).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').optional(),
});
export type InstanceSearch = z.infer<typeof instanceSearchSchema>;

export interface InstanceHit {
  id: string;
  caseNo: string | null;
  processId: string;
  processVersion: number;
  title: { zh: string; en: string };
  state: string;
  status: string;
  applicantName: string | null;
  applicantUsername: string | null;
  createdAt: Date;
  /** Generated demo history (【示例】): listed for the monitor, marked 示例. */
  sample: boolean;
}

/** Finds instances by id, applicant, process, state and start date — newest first, 50 at most. */
export async function searchInstances(db: Db, scope: AdminScope, raw: Record<string, string | undefined>): Promise<InstanceHit[]> {
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const f = parseInput(instanceSearchSchema, cleaned);
  const q = f.q;
  const like = q ? `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
  const rows = await db
    .select({
      id: processInstances.id,
      caseNo: processInstances.caseNo,
      processId: processInstances.processId,
      processVersion: processInstances.processVersion,
      title: processInstances.title,
      state: processInstances.state,
      status: processInstances.status,
      applicantName: users.name,
      applicantUsername: users.username,
      createdAt: processInstances.createdAt,
      sample: processInstances.sample,
    })
    .from(processInstances)
    // An anonymous writer is neither shown nor findable by name (lib/policy/views.ts: no staff view names them).
    .leftJoin(users, and(eq(users.id, processInstances.applicantId), not(anonymousSql)))
    .where(
      and(
        instanceScopeCondition(scope),
        q && isUuid(q) ? eq(processInstances.id, q) : like ? or(ilike(processInstances.caseNo, like), ilike(users.name, like), ilike(users.username, like)) : undefined,
        f.process ? eq(processInstances.processId, f.process) : undefined,
        f.state ? sql`${f.state} = any(string_to_array(${processInstances.state}, ','))` : undefined,
        f.status ? eq(processInstances.status, f.status) : undefined,
        f.from ? gte(processInstances.createdAt, new Date(`${f.from}T00:00:00+08:00`)) : undefined,
        f.to ? lt(processInstances.createdAt, new Date(new Date(`${f.to}T00:00:00+08:00`).getTime() + 86_400_000)) : undefined,
      ),
    )
    .orderBy(desc(processInstances.createdAt))
    .limit(50);
  return rows;
}
