import type { SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';

/** Runs raw SQL on either driver: postgres-js returns an array, PGlite an object with rows. */
export async function queryRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
