import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { catalogFavourites, catalogServices, catalogStatusChanges, orgUnits, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/load-actor';
import { versionedTable } from '../versioned-cache';
import { canSeeService } from './access';
import { THEMES } from './themes';

export type CatalogRow = typeof catalogServices.$inferSelect;

const themeOrder = new Map<string, number>(THEMES.map((t, i) => [t.id, i]));

// Read on every 首页 and 办事大厅 request, written by administrators now and then: kept in memory
// until any row changes (lib/versioned-cache.ts). Callers get their own array, the rows shared.
const catalogRows = versionedTable(catalogServices, async (db) => {
  const rows = await db.select().from(catalogServices).orderBy(asc(catalogServices.nameZh));
  return rows.sort(
    (a, b) => Number(a.isSample) - Number(b.isSample) || (themeOrder.get(a.theme) ?? 99) - (themeOrder.get(b.theme) ?? 99),
  );
});

/** The whole catalog, real entries before sample ones, then by theme and name. A few hundred rows at most. */
export async function loadCatalog(db: Db): Promise<CatalogRow[]> {
  return [...(await catalogRows(db))];
}

export async function visibleCatalog(db: Db, user: SessionUser | null): Promise<CatalogRow[]> {
  return (await loadCatalog(db)).filter((s) => canSeeService(s, user));
}

export async function findServiceByCode(db: Db, code: string): Promise<CatalogRow | undefined> {
  if (code.length > 100) return undefined;
  const [row] = await db.select().from(catalogServices).where(eq(catalogServices.code, code));
  return row;
}

export async function findServiceById(db: Db, id: string): Promise<CatalogRow | undefined> {
  const [row] = await db.select().from(catalogServices).where(eq(catalogServices.id, id));
  return row;
}

export async function statusHistory(db: Db, serviceId: string) {
  return db
    .select({ change: catalogStatusChanges, actorName: users.name })
    .from(catalogStatusChanges)
    .leftJoin(users, eq(users.id, catalogStatusChanges.actorId))
    .where(eq(catalogStatusChanges.serviceId, serviceId))
    .orderBy(desc(catalogStatusChanges.at));
}

const departmentRows = versionedTable(orgUnits, (db) =>
  db.select().from(orgUnits).where(eq(orgUnits.kind, 'department')).orderBy(asc(orgUnits.sort)),
);

export async function listDepartments(db: Db) {
  return [...(await departmentRows(db))];
}

export async function favouriteIds(db: Db, user: SessionUser): Promise<Set<string>> {
  const rows = await db.select({ id: catalogFavourites.serviceId }).from(catalogFavourites).where(eq(catalogFavourites.userId, user.id));
  return new Set(rows.map((r) => r.id));
}

/** The user's favourite services that they can still see, most recently added first. */
export async function listFavourites(db: Db, user: SessionUser): Promise<CatalogRow[]> {
  const rows = await db
    .select({ s: catalogServices })
    .from(catalogFavourites)
    .innerJoin(catalogServices, eq(catalogServices.id, catalogFavourites.serviceId))
    .where(eq(catalogFavourites.userId, user.id))
    .orderBy(desc(catalogFavourites.createdAt));
  return rows.map((r) => r.s).filter((s) => canSeeService(s, user));
}

export async function setFavourite(db: Db, user: SessionUser, serviceId: string, on: boolean): Promise<void> {
  if (on) await db.insert(catalogFavourites).values({ userId: user.id, serviceId }).onConflictDoNothing();
  else await db.delete(catalogFavourites).where(and(eq(catalogFavourites.userId, user.id), eq(catalogFavourites.serviceId, serviceId)));
}

/** The catalog entries that start a process (a process may be listed under several entries). */
export async function servicesForProcess(db: Db, processId: string): Promise<CatalogRow[]> {
  return db.select().from(catalogServices).where(eq(catalogServices.processId, processId));
}
