import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { catalogServices, orgUnits } from '@/db/schema';
import { listDepartments, loadCatalog } from '@/lib/catalog/queries';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
  await seedCatalog(t.db, { demo: true, now: new Date() });
});
after(() => t.close());

describe('the catalog and the departments, kept in memory until a row changes', () => {
  test('every insert, update and delete — by any writer — is on the next page at once', async () => {
    const before = await loadCatalog(t.db);
    const first = before[0]!;
    // Written without the app's functions, as another app server or a migration would.
    await t.db.execute(sql`update catalog_services set name_zh = ${`${first.nameZh}（已改）`} where id = ${first.id}`);
    assert.equal((await loadCatalog(t.db)).find((s) => s.id === first.id)?.nameZh, `${first.nameZh}（已改）`);
    await t.db.delete(catalogServices).where(eq(catalogServices.id, first.id));
    const after = await loadCatalog(t.db);
    assert.equal(after.length, before.length - 1);
    assert.equal(after.some((s) => s.id === first.id), false);
    const { id: _id, ...copy } = first;
    await t.db.insert(catalogServices).values({ ...copy, code: `${first.code}-2` });
    assert.equal((await loadCatalog(t.db)).length, before.length);
  });

  test('callers get their own list: sorting or trimming one does not change the next', async () => {
    const a = await loadCatalog(t.db);
    const n = a.length;
    a.reverse().splice(1);
    assert.equal((await loadCatalog(t.db)).length, n);
    const d = await listDepartments(t.db);
    d.length = 0;
    assert.ok((await listDepartments(t.db)).length > 0);
  });

  test('a renamed department is shown renamed', async () => {
    const [dept] = await listDepartments(t.db);
    await t.db.update(orgUnits).set({ nameZh: '新名称处' }).where(eq(orgUnits.id, dept!.id));
    assert.equal((await listDepartments(t.db)).find((d) => d.id === dept!.id)?.nameZh, '新名称处');
  });
});
