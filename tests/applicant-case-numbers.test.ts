import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, inArray } from 'drizzle-orm';
import { processInstances } from '@/db/schema';
import { searchInstances } from '@/lib/admin/search-instances';
import { syncCasePrefixes } from '@/lib/instances/case-prefixes';
import { getDefinition } from '@/workflows/registry';
import { loadActors, startFitnessDeferral } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;

before(async () => {
  t = await createTestDatabase();
  await syncCasePrefixes(t.db);
});
after(() => t.close());

/** An instance row written by hand: a writer that knows nothing of case numbers. */
function bareRow(processId: string, at: Date) {
  return {
    processId,
    processVersion: 1,
    snapshot: {},
    state: 'submitted',
    title: { zh: '测试', en: 'Test' },
    lastHash: 'x',
    createdAt: at,
    updatedAt: at,
    stateSince: at,
  };
}

async function caseNoOf(id: string): Promise<string | null> {
  const [row] = await t.db.select({ caseNo: processInstances.caseNo }).from(processInstances).where(eq(processInstances.id, id));
  return row!.caseNo;
}

describe('流水号 (case numbers)', () => {
  test('an instance started through the engine gets its definition’s prefix, the China date and the day’s next number', async () => {
    assert.equal(getDefinition('fitness-test-exemption').casePrefix, 'TC');
    const { student } = await loadActors(t.db, ['student']);
    const at = new Date('2026-12-01T03:00:00Z');
    const first = await caseNoOf(await startFitnessDeferral(t.db, student!, at));
    const second = await caseNoOf(await startFitnessDeferral(t.db, student!, at));
    assert.equal(first, 'TC-20261201-0001');
    assert.equal(second, 'TC-20261201-0002');
  });

  test('any writer gets one: the day is China’s, each prefix counts on its own, an undeclared process uses its initials', async () => {
    const rows = await t.db
      .insert(processInstances)
      .values([
        bareRow('insurance-opt-out', new Date('2026-12-01T16:30:00Z')), // 00:30 on 2 Dec in Beijing
        bareRow('insurance-opt-out', new Date('2026-12-01T15:30:00Z')), // 23:30 on 1 Dec
        bareRow('some-new-process', new Date('2026-12-01T03:00:00Z')),
      ])
      .returning({ caseNo: processInstances.caseNo });
    assert.deepEqual(
      rows.map((r) => r.caseNo),
      ['YB-20261202-0001', 'YB-20261201-0001', 'SNP-20261201-0001'],
    );
  });

  test('concurrent writers never share a number and leave no gap', async () => {
    const at = new Date('2026-12-03T02:00:00Z');
    const ids = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.db.transaction(async (tx) => {
          const [row] = await tx.insert(processInstances).values(bareRow('dorm-repair', at)).returning({ id: processInstances.id });
          return row!.id;
        }),
      ),
    );
    const numbers = (await t.db.select({ caseNo: processInstances.caseNo }).from(processInstances).where(inArray(processInstances.id, ids)))
      .map((r) => r.caseNo!)
      .sort();
    assert.deepEqual(
      numbers,
      Array.from({ length: 20 }, (_, i) => `SS-20261203-${String(i + 1).padStart(4, '0')}`),
    );
  });

  test('a rolled-back insert gives its number back', async () => {
    const at = new Date('2026-12-04T02:00:00Z');
    await assert.rejects(
      t.db.transaction(async (tx) => {
        await tx.insert(processInstances).values(bareRow('furniture-repair', at));
        throw new Error('rollback');
      }),
    );
    const [row] = await t.db.insert(processInstances).values(bareRow('furniture-repair', at)).returning({ caseNo: processInstances.caseNo });
    assert.equal(row!.caseNo, 'JJ-20261204-0001');
  });

  test('monitoring finds an instance by its case number, whole or in part', async () => {
    const { student } = await loadActors(t.db, ['student']);
    const id = await startFitnessDeferral(t.db, student!, new Date('2026-12-05T03:00:00Z'));
    const caseNo = (await caseNoOf(id))!;
    assert.deepEqual((await searchInstances(t.db, { kind: 'all' }, { q: caseNo })).map((h) => h.id), [id]);
    assert.deepEqual((await searchInstances(t.db, { kind: 'all' }, { q: caseNo.toLowerCase() })).map((h) => h.caseNo), [caseNo]);
    assert.ok((await searchInstances(t.db, { kind: 'all' }, { q: 'TC-20261205' })).some((h) => h.id === id));
  });

  test('two processes declaring one prefix are refused at sync', async () => {
    const base = getDefinition('fitness-test-exemption');
    await assert.rejects(syncCasePrefixes(t.db, [base, { ...base, id: 'other', casePrefix: 'TC' }]), /declared by both/);
  });
});
