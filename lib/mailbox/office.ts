import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { mailboxPublications, orgUnits, processInstances, tasks } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { isCandidate } from '@/workflows/engine/actor';
import { addDelay, loadWorkingCalendar } from '@/workflows/engine/calendar';
import { AppError } from '@/workflows/engine/errors';
import type { MailboxContext } from '@/workflows/presidents-mailbox/machine';
import { isAdmin, isUuid } from '../authz';

export const OFFICE_ORG = 'president-office';

export function isMailboxOffice(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.some((r) => r.role === 'mailbox_office' && (r.orgUnitId === OFFICE_ORG || r.orgUnitId === null)) || isAdmin(actor);
}

/** Department handlers see the letters their unit was ever assigned (through its tasks). */
function handlerOrgs(actor: Pick<Actor, 'roles'>): string[] {
  return actor.roles.filter((r) => r.role === 'handler' && r.orgUnitId).map((r) => r.orgUnitId!);
}

export function mayUseMailboxDesk(actor: Pick<Actor, 'roles'>): boolean {
  return isMailboxOffice(actor) || handlerOrgs(actor).length > 0;
}

export interface DeskLetter {
  id: string;
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

/** The office's queue (every letter) or a department's (letters assigned to it), newest first. */
export async function listDeskLetters(db: Db, actor: Actor, now: Date, filter: 'open' | 'all' = 'open'): Promise<DeskLetter[]> {
  if (!mayUseMailboxDesk(actor)) throw new AppError('FORBIDDEN', 'not mailbox staff');
  const office = isMailboxOffice(actor);
  const orgs = handlerOrgs(actor);
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
        filter === 'open' ? eq(processInstances.status, 'active') : undefined,
        visible,
      ),
    )
    .orderBy(desc(processInstances.createdAt))
    .limit(200);
  const calendar = await loadWorkingCalendar(db);
  return rows.map(({ i, published }) => {
    const c = (i.snapshot as { context: MailboxContext }).context;
    const deadline = i.state.startsWith('triage')
      ? addDelay(i.createdAt, { workingDays: 3 }, calendar).toISOString()
      : i.state.includes('handling')
        ? c.deadline
        : null;
    return {
      id: i.id,
      subject: c.form.subject,
      category: c.form.category,
      state: i.state,
      status: i.status,
      createdAt: i.createdAt.toISOString(),
      deadline,
      overdue: i.status === 'active' && deadline !== null && new Date(deadline) < now,
      departments: c.assignments.map((x) => x.orgUnitId),
      published: Boolean(published),
    };
  });
}

/** Record-level check for a staff page or action on one letter: 404 for everyone else. */
export async function assertDeskAccess(db: Db, actor: Actor, id: string): Promise<void> {
  const hidden = () => new AppError('NOT_FOUND', `letter ${id} hidden from ${actor.id}`);
  if (!isUuid(id)) throw hidden();
  const [row] = await db
    .select({ processId: processInstances.processId })
    .from(processInstances)
    .where(eq(processInstances.id, id));
  if (!row || row.processId !== 'presidents-mailbox') throw hidden();
  if (isMailboxOffice(actor)) return;
  const rows = await db.select().from(tasks).where(eq(tasks.instanceId, id));
  if (!rows.some((t) => t.role === 'handler' && (t.completedBy === actor.id || isCandidate(actor, t)))) throw hidden();
}

/** Whether the letter is on the actor's desk (the office, or a department it was assigned to). */
export async function isOnDesk(db: Db, actor: Actor, id: string): Promise<boolean> {
  try {
    await assertDeskAccess(db, actor, id);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return false;
    throw error;
  }
}

export async function departmentOptions(db: Db): Promise<Array<{ id: string; zh: string; en: string }>> {
  return db
    .select({ id: orgUnits.id, zh: orgUnits.nameZh, en: orgUnits.nameEn })
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'department'), eq(orgUnits.active, true)))
    .orderBy(orgUnits.sort);
}
