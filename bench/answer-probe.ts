/**
 * Issue 20, in-process (the shared machine moves the HTTP bench's figures more than these changes):
 * CPU per call of what POST …/events no longer does after a transition (getInstanceView) against
 * what it does now (transitionAnswer), and of 我的申请 for a student with 300 applications the old
 * way (whole rows, a snapshot restored per row) against listApplications (state column).
 *   node --import tsx bench/answer-probe.ts [iterations=50]
 */
import { desc, eq } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { processInstances } from '@/db/schema';
import { seedDemoAccounts, seedOrgUnits } from '@/db/seed/seed-demo';
import { loadActor } from '@/lib/auth/load-actor';
import { getInstanceView } from '@/lib/instances/get-instance-view';
import { listApplications } from '@/lib/instances/list-applications';
import { transitionAnswer } from '@/lib/instances/transition-answer';
import { applyEvent } from '@/workflows/engine/apply-event';
import { activeStates, restoreSnapshot } from '@/workflows/engine/snapshot';
import { getDefinition } from '@/workflows/registry';
import { createPgDatabase } from '../e2e/support/proof-server';
import { prepareInstances } from './engine-bench';

const N = Number(process.argv[2] || 50);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
async function per(what: string, fn: () => Promise<unknown>) {
  await fn();
  const c0 = cpuMs();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await fn();
  console.log(`${what.padEnd(58)} CPU ${((cpuMs() - c0) / N).toFixed(2)} ms/call  wall ${((performance.now() - t0) / N).toFixed(2)} ms/call`);
}

async function main() {
  const pg = await createPgDatabase('zj_answer_probe');
  const database = await openDatabase({ kind: 'postgresql', url: pg.url, maxConnections: 2 });
  try {
    const { db } = database;
    await seedOrgUnits(db);
    await seedDemoAccounts(db);
    const ids = await prepareInstances(db, 300);
    const student = (await loadActor(db, { username: 'student' }))!;
    const counselor = (await loadActor(db, { username: 'counselor' }))!;
    const result = await applyEvent(db, { instanceId: ids[0]!, actor: counselor, type: 'approve', now: new Date() });
    for (const round of [1, 2]) {
      console.log(`round ${round}`);
      await per('after an approval: getInstanceView (before)', () => getInstanceView(db, counselor, ids[0]!));
      await per('after an approval: transitionAnswer (now)', async () => transitionAnswer(result));
      await per('我的申请, 300 rows: whole rows + snapshot per row (before)', async () => {
        const rows = await db.select().from(processInstances).where(eq(processInstances.applicantId, student.id)).orderBy(desc(processInstances.createdAt)).limit(500);
        return rows.map((row) => activeStates(restoreSnapshot(getDefinition(row.processId, row.processVersion).machine, row.snapshot)).find((s) => s.meta.label));
      });
      await per('我的申请, 300 rows: listApplications (now)', () => listApplications(db, student, 500));
    }
  } finally {
    await database.close();
    await pg.drop();
  }
}

void main();
