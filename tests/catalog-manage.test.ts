import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { catalogServices, orgUnits } from '@/db/schema';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { canSeeService, startableProcess } from '@/lib/catalog/access';
import { CSV_COLUMNS, writeCatalogCsv } from '@/lib/catalog/catalog-csv';
import { changeServiceStatus, importCatalogCsv } from '@/lib/catalog/manage-catalog';
import { findServiceByCode, loadCatalog } from '@/lib/catalog/queries';
import { SEED_TABLE_2017_09 } from '@/lib/catalog/sample-2017-09';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import { departmentStats } from '@/lib/catalog/stats';
import { isAppError } from '@/workflows/engine/errors';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
const actors: Record<string, SessionUser> = {};
const now = new Date();

before(async () => {
  t = await createTestDatabase();
  await seedCatalog(t.db, { demo: true, now });
  await seedCatalog(t.db, { demo: true, now }); // idempotent
  for (const name of ['student', 'admin']) actors[name] = (await loadActor(t.db, { username: name }))!;
});
after(() => t.close());

async function stats() {
  const departments = await t.db.select().from(orgUnits).where(eq(orgUnits.kind, 'department'));
  return departmentStats(departments, await loadCatalog(t.db), now);
}

describe('catalog in the database', () => {
  test('demo statistics reproduce the seed table where the real catalog does not exceed it', async () => {
    const { rows } = await stats();
    for (const [dept, online, , pending] of SEED_TABLE_2017_09) {
      const row = rows.find((r) => r.departmentId === dept)!;
      assert.ok(row.online >= online, dept);
      assert.equal(row.testing + row.building, pending, dept);
    }
    assert.equal((await loadCatalog(t.db)).filter((s) => s.code === 'fitness-test-exemption').length, 1);
  });

  test('在测 is for testers; going online needs a reason, is logged, and changes the statistics', async () => {
    const service = (await findServiceByCode(t.db, 'sample-union-3'))!;
    assert.equal(service.status, 'testing');
    assert.equal(canSeeService(service, actors.student!), false);
    await assert.rejects(changeServiceStatus(t.db, actors.student!, service.id, 'online', '上线', now), (e) => isAppError(e) && e.code === 'FORBIDDEN');
    await assert.rejects(changeServiceStatus(t.db, actors.admin!, service.id, 'online', '', now), (e) => isAppError(e) && e.code === 'INVALID_INPUT');
    await assert.rejects(changeServiceStatus(t.db, actors.admin!, service.id, 'testing', '原地', now), (e) => isAppError(e) && e.code === 'EVENT_NOT_ALLOWED');
    const before = (await stats()).rows.find((r) => r.departmentId === 'union')!;
    await changeServiceStatus(t.db, actors.admin!, service.id, 'online', '测试通过', now);
    const after = (await stats()).rows.find((r) => r.departmentId === 'union')!;
    assert.equal(after.online, before.online + 1);
    assert.equal(after.testing, before.testing - 1);
    assert.equal(after.newThisMonth, before.newThisMonth + 1);
  });

  test('an entry whose process is not registered is visible but not startable', async () => {
    // An admin may name a process that is still being built; the entry shows, the button does not.
    const s = { ...(await findServiceByCode(t.db, 'insurance-opt-out'))!, processId: 'process-still-being-built' };
    assert.equal(canSeeService(s, actors.student!), true);
    assert.equal(startableProcess(s, actors.student!)?.id ?? null, null);
    assert.equal(startableProcess((await findServiceByCode(t.db, 'insurance-opt-out'))!, actors.student!)?.id, 'insurance-opt-out');
    assert.equal(startableProcess((await findServiceByCode(t.db, 'fitness-test-exemption'))!, actors.student!)?.id, 'fitness-test-exemption');
  });

  test('CSV import is all or nothing; export reads back', async () => {
    const count = async () => (await t.db.select().from(catalogServices)).length;
    const n = await count();
    const line = (code: string, dept: string) =>
      [code, '导入', 'Imported', '', 'campus', dept, 'student', 'pc', 'app', '', 'https://x.example.edu.cn', 'online', '', '', '', '', '', '', '', ''].join(',');
    const bad = [CSV_COLUMNS.join(','), line('imp-1', 'logistics'), line('imp-2', 'nowhere')].join('\n');
    const refused = await importCatalogCsv(t.db, actors.admin!, iconv.encode(bad, 'gbk'), now);
    assert.equal(refused.ok, false);
    assert.equal(await count(), n);

    const exported = writeCatalogCsv(await loadCatalog(t.db));
    const roundTrip = await importCatalogCsv(t.db, actors.admin!, new TextEncoder().encode(exported), now);
    assert.deepEqual(roundTrip.ok && [roundTrip.created, roundTrip.updated], [0, n]);

    const good = [CSV_COLUMNS.join(','), line('imp-1', '后勤处')].join('\r\n');
    const done = await importCatalogCsv(t.db, actors.admin!, iconv.encode(good, 'gbk'), now);
    assert.deepEqual(done, { ok: true, encoding: 'gbk', created: 1, updated: 0 });
    assert.equal(await count(), n + 1);
  });
});
