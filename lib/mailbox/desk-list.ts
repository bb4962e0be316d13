import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { mailboxPublications, orgUnits, processInstances, tasks } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { addDelay, loadWorkingCalendar } from '@/workflows/engine/calendar';
import type { MailboxContext } from '@/workflows/presidents-mailbox/machine';
import { authorize, isMailboxOffice, unitsWhere } from '../policy';

export interface DeskLetter {
  id: string;
  /** 流水号, how the office names a letter. */
  caseNo: string | null;
  subject: string;
  category: string;
  state: string;
  status: string;
  createdAt: string;
  deadline: string | null;
  overdue: boolean;
  departments: string[];
  published: boolean;
}

/** The office's queue (every letter) or a department's (letters assigned to it, through its tasks), newest first. */
export async function listDeskLetters(db: Db, actor: Actor, now: Date, filter: 'open' | 'all' = 'open'): Promise<DeskLetter[]> {
  authorize(actor, 'mailbox.desk');
  const office = isMailboxOffice(actor);
  const orgs = unitsWhere(actor, 'handler');
  const visible = office
    ? undefined
    : inArray(
        processInstances.id,
        db.selectDistinct({ id: tasks.instanceId }).from(tasks).where(and(eq(tasks.role, 'handler'), inArray(tasks.orgUnitId, orgs))),
      );
  const rows = await db
    .select({ i: processInstances, published: sql<boolean>`${mailboxPublications.instanceId} is not null` })
    .from(processInstances)
    .leftJoin(mailboxPublications, eq(mailboxPublications.instanceId, processInstances.id))
    .where(
      and(
        eq(processInstances.processId, 'presidents-mailbox'),
        // Generated demo history (【示例】) is no letter anyone wrote: never on a desk (#17).
        eq(processInstances.sample, false),
        filter === 'open' ? eq(processInstances.status, 'active') : undefined,
        visible,
      ),
    )
    .orderBy(desc(processInstances.createdAt))
    .limit(200);
  const calendar = await loadWorkingCalendar(db);
  return rows.map(({ i, published }) => {
    // Letters written before a form field existed (and the demo history's) lack some of it.
    const c = (i.snapshot as { context: Partial<MailboxContext> }).context ?? {};
    const form: Partial<MailboxContext['form']> = c.form ?? {};
    const deadline = i.state.startsWith('triage')
      ? addDelay(i.createdAt, { workingDays: 3 }, calendar).toISOString()
      : i.state.includes('handling') || i.state.startsWith('reopened')
        ? (c.deadline ?? null)
        : null;
    return {
      id: i.id,
      caseNo: i.caseNo,
      subject: form.subject ?? '',
      category: form.category ?? 'other',
      state: i.state,
      status: i.status,
      createdAt: i.createdAt.toISOString(),
      deadline,
      overdue: i.status === 'active' && deadline !== null && new Date(deadline) < now,
      departments: (c.assignments ?? []).map((x) => x.orgUnitId),
      published: Boolean(published),
    };
  });
}

export async function departmentOptions(db: Db): Promise<Array<{ id: string; zh: string; en: string }>> {
  return db
    .select({ id: orgUnits.id, zh: orgUnits.nameZh, en: orgUnits.nameEn })
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'department'), eq(orgUnits.active, true)))
    .orderBy(orgUnits.sort);
}
