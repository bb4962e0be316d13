/**
 * Bulk notice throughput: 10,000 recipients enqueued (notice + message-center rows + recipient
 * rows + one delivery row per configured channel, in one transaction). Baseline in the same run:
 * a bare INSERT of 10,000 message rows, so the ratio says what the notice machinery costs.
 *
 *   TEST_DB=pglite|postgres node --import tsx bench/notify-bulk.ts [recipients=10000] [channels=3]
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { messages, users } from '@/db/schema';
import { loadActor } from '@/lib/auth/load-actor';
import { noticeInput, sendNotice } from '@/lib/notify/notices/send-notice';
import { createTestDatabase } from '../tests/helpers/test-db';

const N = Number(process.argv[2] ?? 10_000);
const NOTIFY_CHANNELS = (['wecom', 'email', 'webpush'] as const).slice(0, Number(process.argv[3] ?? 3));

async function main() {
const t = await createTestDatabase();
try {
  const usernames: string[] = [];
  for (let i = 0; i < N; i += 1_000) {
    const rows = Array.from({ length: Math.min(1_000, N - i) }, (_, j) => ({
      username: `bench${String(i + j).padStart(6, '0')}`,
      name: `住户${i + j}`,
      kind: 'staff' as const,
      orgUnitId: 'assets',
    }));
    usernames.push(...rows.map((r) => r.username));
    await t.db.insert(users).values(rows);
  }
  const assets = (await loadActor(t.db, { username: 'assets' }))!;
  const ids = (await t.db.select({ id: users.id }).from(users).where(eq(users.orgUnitId, 'assets'))).map((r) => r.id);

  // Baseline: the same number of bare message rows, no notice, no planning.
  let t0 = performance.now();
  await t.db.transaction(async (tx) => {
    for (let i = 0; i < ids.length; i += 1_000) {
      await tx.insert(messages).values(
        ids.slice(i, i + 1_000).map((userId) => ({ id: randomUUID(), userId, kind: 'bench', params: {}, createdAt: new Date() })),
      );
    }
  });
  const baselineMs = performance.now() - t0;

  t0 = performance.now();
  const sent = await sendNotice(
    t.db,
    assets,
    noticeInput.parse({ title: '周转房缴费通知', body: '请于本月 30 日前缴纳周转房租金。', requiresAck: true, target: { kind: 'list', usernames } }),
    { channels: [...NOTIFY_CHANNELS], quietHours: null, now: new Date() },
  );
  const noticeMs = performance.now() - t0;

  console.log(`database: ${t.kind}`);
  console.log(`recipients: ${sent.count} (unknown ${sent.unknown.length}), channels: ${NOTIFY_CHANNELS.join(',')}`);
  console.log(`baseline (bare insert of ${ids.length} messages): ${baselineMs.toFixed(0)} ms`);
  console.log(`notice enqueued (resolve list + notice + messages + recipients + ${sent.count * NOTIFY_CHANNELS.length} deliveries): ${noticeMs.toFixed(0)} ms`);
  console.log(`ratio notice / baseline: ${(noticeMs / baselineMs).toFixed(2)}×; target < 10,000 ms: ${noticeMs < 10_000 ? 'met' : 'NOT met'}`);
} finally {
  await t.close();
}
}

void main();
