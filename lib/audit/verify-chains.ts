import { asc, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { instanceEvents, processInstances } from '@/db/schema';
import { verifyChain } from '@/workflows/engine/hash-chain';

export interface BrokenChain {
  instanceId: string;
  /** The first event-log entry that does not verify, or null when the log is whole but the instance row disagrees. */
  seq: number | null;
  reason: string;
}

export interface ChainReport {
  instances: number;
  events: number;
  broken: BrokenChain[];
}

const BATCH = 500;

/**
 * Verifies every instance's hash chain (each entry hashes the previous one and its own fields),
 * and that the instance row agrees with its log: revision = last seq, last_hash = last hash,
 * state = the last entry's target state. Reads in batches, so it runs on any size of database.
 */
export async function verifyAllChains(db: Db): Promise<ChainReport> {
  const report: ChainReport = { instances: 0, events: 0, broken: [] };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .select({ id: processInstances.id, revision: processInstances.revision, lastHash: processInstances.lastHash, state: processInstances.state })
      .from(processInstances)
      .where(gt(processInstances.id, after))
      .orderBy(asc(processInstances.id))
      .limit(BATCH);
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const events = await db
      .select()
      .from(instanceEvents)
      .where(
        inArray(
          instanceEvents.instanceId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(instanceEvents.instanceId), asc(instanceEvents.seq));
    const byInstance = new Map<string, typeof events>();
    for (const e of events) {
      const list = byInstance.get(e.instanceId) ?? [];
      list.push(e);
      byInstance.set(e.instanceId, list);
    }
    for (const row of rows) {
      const log = byInstance.get(row.id) ?? [];
      report.instances++;
      report.events += log.length;
      const broken = checkLog(row, log);
      if (broken) report.broken.push(broken);
    }
  }
  return report;
}

type LoggedEvent = typeof instanceEvents.$inferSelect;
type InstanceEnd = { id: string; revision: number; lastHash: string; state: string };

/** One instance's log against itself (seq without gaps, every hash) and against the instance row. */
function checkLog(row: InstanceEnd, log: LoggedEvent[]): BrokenChain | null {
  const gap = log.findIndex((e, i) => e.seq !== i + 1);
  if (gap >= 0) return { instanceId: row.id, seq: log[gap]!.seq, reason: `seq ${log[gap]!.seq} where ${gap + 1} was expected` };
  const chain = verifyChain(log);
  if (!chain.ok) return { instanceId: row.id, seq: chain.firstBrokenSeq!, reason: 'hash does not match the entry' };
  const last = log[log.length - 1];
  if (!last || last.seq !== row.revision || last.hash !== row.lastHash || last.toState !== row.state) {
    return { instanceId: row.id, seq: null, reason: 'instance row disagrees with the end of its log' };
  }
  return null;
}

/** The same check for one instance (the approval record's verification): its log, or why it does not verify. */
export async function verifyInstanceChain(db: Db, instanceId: string): Promise<{ log: LoggedEvent[]; broken: BrokenChain | null }> {
  const [row] = await db
    .select({ id: processInstances.id, revision: processInstances.revision, lastHash: processInstances.lastHash, state: processInstances.state })
    .from(processInstances)
    .where(eq(processInstances.id, instanceId));
  if (!row) return { log: [], broken: { instanceId, seq: null, reason: 'no such instance' } };
  const log = await db.select().from(instanceEvents).where(eq(instanceEvents.instanceId, instanceId)).orderBy(asc(instanceEvents.seq));
  return { log, broken: checkLog(row, log) };
}
