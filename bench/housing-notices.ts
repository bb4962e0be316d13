/**
 * 周转房缴费通知 bulk issue: 1,000 notices as the page sends them (validate, then chunks of
 * CHUNK rows, one transaction each), against a baseline measured in the same run: the same
 * number of bare message rows inserted in the same chunking. Target: under 10 s.
 *
 *   npx tsx bench/housing-notices.ts            (TEST_DB=pglite, default)
 *   TEST_DB=postgres npx tsx bench/housing-notices.ts
 */
import { performance } from 'node:perf_hooks';
import { messages, users } from '@/db/schema';
import { loadActor } from '@/lib/auth/load-actor';
import { CHUNK, issueHousingNotices } from '@/lib/housing/issue-notices';
import { createTestDatabase } from '../tests/helpers/test-db';

const N = Number(process.env.BENCH_N ?? 1000);

async function main() {
  const t = await createTestDatabase();
  try {
    const tenants = Array.from({ length: N }, (_, i) => ({
      username: `tenant${String(i).padStart(5, '0')}`,
      name: `租户${i}`,
      kind: 'staff' as const,
      orgUnitId: 'assets',
    }));
    const inserted = await t.db.insert(users).values(tenants).returning({ id: users.id });
    const assets = (await loadActor(t.db, { username: 'assets' }))!;
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const csv = ['租户工号,房号,缴费期间,金额,截止日期', ...tenants.map((u, i) => `${u.username},${1 + (i % 20)}-${100 + i},2026年12月,${600 + (i % 50)}.00,${due}`)].join('\n');
    const now = new Date();

    const b0 = performance.now();
    for (let from = 0; from < N; from += CHUNK) {
      await t.db.transaction(async (tx) => {
        for (const u of inserted.slice(from, from + CHUNK)) {
          await tx.insert(messages).values({ userId: u.id, kind: 'bench', params: {}, createdAt: now });
        }
      });
    }
    const baselineMs = performance.now() - b0;

    const s0 = performance.now();
    const checked = await issueHousingNotices(t.db, assets, { csv, dryRun: true }, now);
    let next: number | null = 0;
    while (next !== null) next = (await issueHousingNotices(t.db, assets, { csv, from: next }, now)).next;
    const issueMs = performance.now() - s0;

    console.log(`database            ${t.kind}`);
    console.log(`notices             ${checked.total}`);
    console.log(`baseline (${N} bare inserts, chunks of ${CHUNK})  ${baselineMs.toFixed(0)} ms`);
    console.log(`issue (validate + ${Math.ceil(N / CHUNK)} chunks)       ${issueMs.toFixed(0)} ms  (${((N / issueMs) * 1000).toFixed(0)} notices/s)`);
    console.log(`ratio issue / baseline                ${(issueMs / baselineMs).toFixed(1)}x`);
    console.log(`under 10 s                            ${issueMs < 10_000 ? 'yes' : 'NO'}`);
  } finally {
    await t.close();
  }
}

void main();
