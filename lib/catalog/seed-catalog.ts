import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { catalogServices, catalogStatusChanges, settings } from '@/db/schema';
import { buildSampleCatalog } from './sample-catalog';
import { warmSearchIndex } from './search';
import { SEED_ENTRIES } from './seed-entries';

const SAMPLE_KEY = 'catalog:sample-seeded';
const DAY = 24 * 3600 * 1000;

/**
 * The real catalog entries (each once, by code: admins' later edits are kept) and, in demo
 * mode, the illustrative sample catalog (once per installation, so deleting it sticks).
 */
export async function seedCatalog(db: Db, options: { demo: boolean; now: Date }): Promise<void> {
  await seedEntries(db, options);
  const rows = await db.select({ nameZh: catalogServices.nameZh, keywords: catalogServices.keywords }).from(catalogServices);
  // After start-up, so that no user waits for the pinyin of the whole catalog on their first search.
  setTimeout(() => warmSearchIndex(rows.flatMap((r) => [r.nameZh, ...r.keywords.split(/\s+/).filter(Boolean)])), 0);
}

async function seedEntries(db: Db, options: { demo: boolean; now: Date }): Promise<void> {
  const { now } = options;
  await db.transaction(async (tx) => {
    for (const entry of SEED_ENTRIES) {
      const [row] = await tx
        .insert(catalogServices)
        .values({ ...entry, onlineAt: entry.status === 'online' ? now : null, createdAt: now, updatedAt: now })
        .onConflictDoNothing({ target: catalogServices.code })
        .returning({ id: catalogServices.id });
      if (row) await tx.insert(catalogStatusChanges).values({ serviceId: row.id, fromStatus: null, toStatus: entry.status, reason: '初始目录 (initial catalog)', at: now });
    }
  });
  if (!options.demo) return;
  const [done] = await db.select().from(settings).where(eq(settings.key, SAMPLE_KEY));
  if (done) return;
  await db.transaction(async (tx) => {
    const real = await tx.select({ departmentId: catalogServices.departmentId, status: catalogServices.status }).from(catalogServices);
    const sample = buildSampleCatalog(real);
    const inserted = await tx
      .insert(catalogServices)
      .values(
        sample.map(({ isNew, ...entry }) => ({
          ...entry,
          isSample: true,
          onlineAt: entry.status === 'online' ? (isNew ? now : new Date(now.getTime() - 90 * DAY)) : null,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .onConflictDoNothing({ target: catalogServices.code })
      .returning({ id: catalogServices.id, status: catalogServices.status });
    if (inserted.length) {
      await tx.insert(catalogStatusChanges).values(inserted.map((r) => ({ serviceId: r.id, fromStatus: null, toStatus: r.status, reason: '示例数据 (sample data)', at: now })));
    }
    await tx.insert(settings).values({ key: SAMPLE_KEY, value: now.toISOString() }).onConflictDoNothing();
  });
}
