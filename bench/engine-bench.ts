/**
 * The engine benchmark: fitness-test applications started, then N concurrent clients each
 * applying approve → approve → approve (counselor, 校医院, 体育部) to their share; every
 * transition writes the snapshot, the hash-chained event, tasks and message rows.
 */
import { uploads } from '@/db/schema';
import type { Db } from '@/db/client';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
// The benches drive the engine on their own databases: hand it what the app hands it.
import '@/lib/engine/provide-engine';
import { applyEvent } from '@/workflows/engine/apply-event';
import { startInstance } from '@/workflows/engine/start-instance';
import { summarize, type Summary } from './stats';

export async function prepareInstances(db: Db, count: number): Promise<string[]> {
  const student = (await loadActor(db, { username: 'student' }))!;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const [upload] = await db
      .insert(uploads)
      .values({ ownerId: student.id, filename: 'b.pdf', contentType: 'application/pdf', size: 1, sha256: 'ab'.repeat(32), storageKey: 'bench/x' })
      .returning();
    const r = await startInstance(db, {
      processId: 'fitness-test-exemption',
      actor: student,
      input: { kind: 'exempt', reason: `基准测试申请 ${i}`, evidence: [upload!.id] },
      now: new Date(),
    });
    ids.push(r.instance.id);
  }
  return ids;
}

export const APPROVERS = ['counselor', 'doctor', 'sports'] as const;

/** Runs `clients` concurrent workers over the instances; returns per-transition latencies. */
export async function driveApprovals(
  ids: string[],
  clients: number,
  step: (instanceId: string, who: (typeof APPROVERS)[number]) => Promise<void>,
): Promise<Summary> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, k) => {
      for (let i = k; i < ids.length; i += clients) {
        for (const who of APPROVERS) {
          const t0 = performance.now();
          try {
            await step(ids[i]!, who);
            latencies.push(performance.now() - t0);
          } catch (error) {
            errors++;
            if (errors < 4) console.error(`  error: ${(error as Error).message}`);
          }
        }
      }
    }),
  );
  return summarize(latencies, performance.now() - started, errors);
}

export async function engineBench(db: Db, instances: number, clients: number): Promise<Summary> {
  const ids = await prepareInstances(db, instances);
  const actors: Record<string, SessionUser> = {};
  for (const who of APPROVERS) actors[who] = (await loadActor(db, { username: who }))!;
  return driveApprovals(ids, clients, async (instanceId, who) => {
    await applyEvent(db, { instanceId, actor: actors[who]!, type: 'approve', now: new Date() });
  });
}
