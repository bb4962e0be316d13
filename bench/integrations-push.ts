// 掌上校园 push throughput: 100,000 grade rows, against a baseline measured in the same run
// (a plain chunked INSERT of the same rows, no validation, no upsert).
//   node --import tsx bench/integrations-push.ts            (TEST_DB=pglite, default)
//   TEST_DB=postgres node --import tsx bench/integrations-push.ts
import { eq } from 'drizzle-orm';
import { campusRecords, users } from '@/db/schema';
import { applyDataset } from '@/lib/campus/apply-dataset';
import { createTestDatabase } from '../tests/helpers/test-db';

const N = 100_000;
const rows = Array.from({ length: N }, (_, i) => ({
  studentId: `s${i % 5000}`,
  term: '2026-2027-1',
  course: `课程${Math.floor(i / 5000)}`,
  credit: 2,
  score: '90',
  gradePoint: 4,
}));
async function main() {
const t = await createTestDatabase();
const [admin] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
const actorId = admin!.id;
const time = async (f: () => Promise<unknown>) => {
  const s = performance.now();
  await f();
  return performance.now() - s;
};
try {
  const baseline = await time(async () => {
    await t.db.transaction(async (tx) => {
      for (let i = 0; i < N; i += 1000) {
        await tx.insert(campusRecords).values(
          rows.slice(i, i + 1000).map((r) => ({ dataset: 'bench', naturalKey: `${r.studentId}|${r.course}`, ownerUsername: r.studentId, data: r })),
        );
      }
    });
  });
  const now = new Date();
  const bad = rows.map((r, i) => (i % 10_000 === 7 ? { ...r, gradePoint: 9 } : r));
  const reject = await time(() => applyDataset(t.db, { datasetId: 'grades', rows: bad, source: 'push', actorId, now }));
  const insert = await time(() => applyDataset(t.db, { datasetId: 'grades', rows, source: 'push', actorId, now }));
  const repush = await time(() => applyDataset(t.db, { datasetId: 'grades', rows, source: 'push', actorId, now }));
  const line = (name: string, ms: number) =>
    console.log(`${name.padEnd(34)} ${ms.toFixed(0).padStart(7)} ms  ${(N / (ms / 1000)).toFixed(0).padStart(7)} rows/s  ×${(ms / baseline).toFixed(2)} baseline`);
  console.log(`${t.kind}, ${N} rows`);
  line('baseline: plain INSERT', baseline);
  line('push with 10 bad rows (rejected)', reject);
  line('push, all new (validate + upsert)', insert);
  line('same push again (all updates)', repush);
} finally {
  await t.close();
}
}

void main();
