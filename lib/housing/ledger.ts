import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { instanceEvents, processInstances, uploads, users } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { dayOf } from '@/workflows/engine/plan-instance-ops';
import { authorize } from '../policy';
import type { BatchKey } from './batch-key';
import { PROCESS_ID } from './issue-notices';

/** 资产管理处's ledger of 周转房缴费通知: its batches (batch-key.ts), and each tenant of one. */

export interface BatchSummary extends BatchKey {
  issuedAt: Date;
  total: number;
  acknowledged: number;
  /** Receipt uploaded (waiting for the office, or confirmed). */
  paid: number;
  confirmed: number;
  overdue: number;
  /** Sum of the amounts, in yuan with two decimals. */
  amount: string;
}

/** Where a tenant stands, in the ledger's words. */
export type Standing = 'unread' | 'acknowledged' | 'receiptSent' | 'confirmed' | 'closed';

export interface TenantRow {
  instanceId: string;
  caseNo: string | null;
  name: string;
  username: string;
  room: string;
  amount: string;
  standing: Standing;
  acknowledgedAt: Date | null;
  paidAt: Date | null;
  confirmedAt: Date | null;
  receipts: Array<{ id: string; filename: string }>;
  reminders: number;
  lastRemindedAt: Date | null;
  remindedToday: boolean;
  overdue: boolean;
}

// Inlined, not bound: GROUP BY must repeat the select's expression exactly (a parameter would not match).
const form = (key: 'period' | 'dueDate' | 'room' | 'amount') => sql<string>`${processInstances.snapshot}->'context'->'form'->>${sql.raw(`'${key}'`)}`;
const UNPAID = ['notified', 'awaitingPayment'];
const PAID = ['confirming', 'paid'];

/** Overdue: still waiting for the tenant (not paid, not closed) after the due date (CST). */
function overdueSql(today: string) {
  return sql`(${processInstances.status} = 'active' and ${processInstances.state} in ('notified', 'awaitingPayment') and ${form('dueDate')} < ${today})`;
}

/** Every batch, newest due date first, with its counts. */
export async function listHousingBatches(db: Queryable, actor: Actor, now: Date): Promise<BatchSummary[]> {
  authorize(actor, 'housing.ledger');
  const today = dayOf(now);
  const rows = await db
    .select({
      period: form('period'),
      dueDate: form('dueDate'),
      issuedAt: sql<string>`min(${processInstances.createdAt})`,
      total: sql<number>`count(*)::int`,
      acknowledged: sql<number>`(count(*) filter (where ${processInstances.state} <> 'notified'))::int`,
      paid: sql<number>`(count(*) filter (where ${processInstances.state} in ('confirming', 'paid')))::int`,
      confirmed: sql<number>`(count(*) filter (where ${processInstances.status} = 'completed'))::int`,
      overdue: sql<number>`(count(*) filter (where ${overdueSql(today)}))::int`,
      amount: sql<string>`coalesce(sum((${form('amount')})::numeric), 0)::numeric(14, 2)::text`,
    })
    .from(processInstances)
    // Generated demo history (【示例】) is no notice anyone sent: it stays out of the office's ledger.
    .where(and(eq(processInstances.processId, PROCESS_ID), eq(processInstances.sample, false), inArray(processInstances.status, ['active', 'completed'])))
    .groupBy(form('period'), form('dueDate'))
    .orderBy(desc(form('dueDate')), desc(sql`min(${processInstances.createdAt})`));
  return rows.map((r) => ({ ...r, issuedAt: new Date(r.issuedAt), amount: String(r.amount) }));
}

/** One batch, tenant by tenant (overdue first, then by room); empty when nothing was sent for it. */
export async function loadHousingBatch(db: Queryable, actor: Actor, key: BatchKey, now: Date): Promise<TenantRow[]> {
  authorize(actor, 'housing.ledger');
  const today = dayOf(now);
  const notices = await db
    .select({
      id: processInstances.id,
      caseNo: processInstances.caseNo,
      state: processInstances.state,
      status: processInstances.status,
      room: form('room'),
      amount: form('amount'),
      dueDate: form('dueDate'),
      name: users.name,
      username: users.username,
    })
    .from(processInstances)
    .innerJoin(users, eq(users.id, processInstances.applicantId))
    .where(
      and(
        eq(processInstances.processId, PROCESS_ID),
        eq(processInstances.sample, false),
        inArray(processInstances.status, ['active', 'completed']),
        eq(form('period'), key.period),
        eq(form('dueDate'), key.dueDate),
      ),
    );
  if (notices.length === 0) return [];
  const ids = notices.map((n) => n.id);
  const [events, files] = await Promise.all([
    db
      .select({ instanceId: instanceEvents.instanceId, type: instanceEvents.type, at: instanceEvents.at })
      .from(instanceEvents)
      .where(and(inArray(instanceEvents.instanceId, ids), inArray(instanceEvents.type, ['acknowledge', 'markPaid', 'confirm', 'REMIND', 'instance.remind'])))
      .orderBy(asc(instanceEvents.seq)),
    db.select({ id: uploads.id, instanceId: uploads.instanceId, filename: uploads.filename }).from(uploads).where(inArray(uploads.instanceId, ids)).orderBy(asc(uploads.createdAt)),
  ]);
  const rows = notices.map((n): TenantRow => {
    const mine = events.filter((e) => e.instanceId === n.id);
    const last = (type: string) => [...mine].reverse().find((e) => e.type === type)?.at ?? null;
    const reminders = mine.filter((e) => e.type === 'REMIND' || e.type === 'instance.remind');
    const lastRemindedAt = reminders.at(-1)?.at ?? null;
    const paidAt = PAID.includes(n.state) || n.status === 'completed' ? last('markPaid') : null;
    return {
      instanceId: n.id,
      caseNo: n.caseNo,
      name: n.name,
      username: n.username,
      room: n.room,
      amount: n.amount,
      standing: n.status === 'completed' ? 'confirmed' : n.state === 'notified' ? 'unread' : n.state === 'awaitingPayment' ? 'acknowledged' : PAID.includes(n.state) ? 'receiptSent' : 'closed',
      // Paying straight away acknowledges the notice too.
      acknowledgedAt: last('acknowledge') ?? (n.state === 'notified' ? null : last('markPaid')),
      paidAt,
      confirmedAt: n.status === 'completed' ? last('confirm') : null,
      receipts: files.filter((f) => f.instanceId === n.id).map((f) => ({ id: f.id, filename: f.filename })),
      reminders: reminders.length,
      lastRemindedAt,
      remindedToday: mine.some((e) => e.type === 'instance.remind' && dayOf(e.at) === today),
      overdue: n.status === 'active' && UNPAID.includes(n.state) && n.dueDate < today,
    };
  });
  return rows.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.room.localeCompare(b.room, 'zh') || a.name.localeCompare(b.name, 'zh'));
}
