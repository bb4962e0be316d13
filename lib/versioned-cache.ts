import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';

/**
 * A whole small table that changes rarely (the catalog, the departments), kept in memory and
 * reloaded when its version changes. The version is the row count and the sum of the rows'
 * xmin (the id of the transaction that wrote each row version): every insert, update or delete,
 * by any writer on any app server, changes it, so a page never shows a stale row — and it costs
 * one one-row query instead of reading and mapping every row on every page (issue 20's profile:
 * the catalog's rows were ~5 ms of each 首页 / 办事大厅 request).
 * Per database handle (a transaction is its own handle: it may see its own uncommitted writes).
 */
export function versionedTable<T>(table: PgTable, load: (db: Db) => Promise<T>): (db: Db) => Promise<T> {
  const cache = new WeakMap<object, { version: string; value: Promise<T> }>();
  return async (db: Db) => {
    // The version is read before the rows: a write landing in between makes the stored rows
    // newer than their version, and the next call reloads them (never the other way round).
    const result = await db.execute(sql`select count(*)::text || ':' || coalesce(sum(xmin::text::bigint), 0)::text as v from ${table}`);
    // postgres.js returns the rows, PGlite an object holding them.
    const rows = ((result as { rows?: unknown[] }).rows ?? (result as unknown as unknown[])) as Array<{ v: string }>;
    const version = rows[0]!.v;
    const hit = cache.get(db);
    if (hit && hit.version === version) return hit.value;
    const value = load(db);
    cache.set(db, { version, value });
    value.catch(() => cache.get(db)?.value === value && cache.delete(db));
    return value;
  };
}
